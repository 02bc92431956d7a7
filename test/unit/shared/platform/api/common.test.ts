import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../../shared/platform/kernel/errors';
import { parseOrThrow } from '../../../../../shared/platform/http/validation';
import { AddressSchema } from '../../../../../shared/modules/addresses/api/address';
import { printableText } from '../../../../../shared/platform/api/common';
import { RegisterDeliveryRequestSchema } from '../../../../../shared/modules/deliveries/api/delivery-request';
import { RegisterDossierRequestSchema } from '../../../../../shared/modules/dossiers/api/registration';

const name = printableText(200);

const dossier = (fullName: string) => ({
  procedureCode: '2.000815',
  agencyCode: 'HP-PX',
  channel: 'online',
  submittedAt: '2026-11-21T02:00:00Z',
  applicant: { citizenId: '031099012345', fullName, phone: '0912345678' },
});
const delivery = (fullName: string, street = '12 Lê Lợi') => ({
  recipient: { fullName, phone: '0912345678' },
  address: { provinceCode: '31', communeCode: '11311', street },
});

function failingPaths(schema: Parameters<typeof parseOrThrow>[0], value: unknown): string[] {
  try {
    parseOrThrow(schema, value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details.map((d) => d.path);
  }
}

describe('Function: printableText', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000Văn', 'U+0000'],
    ['BEL', 'Nguyễn\u0007Văn', 'U+0007'],
    ['a C1 control', 'Nguyễn\u0085Văn', 'U+0085'],
    ['a right-to-left override', 'Nguyễn \u202EnăV', 'U+202E'],
    ['a left-to-right embedding', '\u202ANguyễn', 'U+202A'],
    ['a first-strong isolate', 'Nguyễn\u2068Văn', 'U+2068'],
    ['a right-to-left mark', 'Nguyễn\u200FVăn', 'U+200F'],
    ['a zero-width joiner', 'Ngu\u200Dyễn', 'U+200D'],
    ['a byte-order mark inside', 'Ngu\uFEFFyễn', 'U+FEFF'],
    ['a lone surrogate', 'Nguy\uD800n', 'U+D800'],
    ['a line separator', 'Nguyễn\u2028Văn', 'U+2028'],
    ['a newline inside', 'Nguyễn\nVăn', 'U+000A'],
  ])('refuses %s, naming the code point', (_case, value, codePoint) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(codePoint);
  });

  it.each(['Nguyễn Văn Ánh', 'Đặng Thị Ngọc Hường', 'Lê Quý Đôn', "O'Brien-Trần", 'Số 18 Hoàng Diệu, P. Hồng Bàng'])('accepts %s', (value) => {
    expect(name.parse(value)).toBe(value);
  });

  it('stores Vietnamese typed with combining marks precomposed (NFC), trimmed', () => {
    const decomposed = '  Nguye\u0302\u0303n Va\u0306n A\u0301nh ';
    expect(name.parse(decomposed)).toBe('Nguyễn Văn Ánh');
  });

  it('is what every name and street uses, so the 400 names the field', () => {
    expect(failingPaths(RegisterDossierRequestSchema, dossier('A\u0000'))).toEqual(['applicant.fullName']);
    expect(failingPaths(RegisterDeliveryRequestSchema, delivery('A\u202E'))).toEqual(['recipient.fullName']);
    expect(failingPaths(RegisterDeliveryRequestSchema, delivery('Nguyễn Văn Ánh', '12 L\u0007ê Lợi'))).toEqual(['address.street']);
    expect(failingPaths(AddressSchema, { provinceCode: '31', communeCode: '11311', street: '\u2066x' })).toEqual(['street']);
    expect(failingPaths(RegisterDossierRequestSchema, dossier('Nguyễn Văn Ánh'))).toEqual([]);
  });
});
