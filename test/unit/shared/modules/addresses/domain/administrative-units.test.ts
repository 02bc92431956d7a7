import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AdministrativeUnitsFileError, parseAdministrativeUnitsCsv, parseCsvRecords } from '../../../../../../shared/modules/addresses/domain/administrative-units';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';

/** The official lists shipped in data/units. */
const data = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../../../data/units/${name}`, import.meta.url)), 'utf8');

function issuesOf(text: string): Array<{ path: string; message: string }> {
  try {
    parseAdministrativeUnitsCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AdministrativeUnitsFileError);
    expect(error).toBeInstanceOf(InvalidInputError);
    return [...(error as AdministrativeUnitsFileError).details];
  }
  throw new Error('expected the file to be refused');
}

describe('Function: parseAdministrativeUnitsCsv', () => {
  it('reads the official provinces file: 34 provinces, Hải Phòng is 31', () => {
    const file = parseAdministrativeUnitsCsv(data('provinces-2025.csv'));
    expect(file.kind).toBe('provinces');
    if (file.kind !== 'provinces') return;
    expect(file.provinces).toHaveLength(34);
    expect(file.provinces).toContainEqual({ code: '31', name: 'Thành phố Hải Phòng' });
  });

  it('reads the official communes file: 3,321 communes, 114 in Hải Phòng', () => {
    const file = parseAdministrativeUnitsCsv(data('communes-2025.csv'));
    expect(file.kind).toBe('communes');
    if (file.kind !== 'communes') return;
    expect(file.communes).toHaveLength(3321);
    expect(file.communes.filter((c) => c.provinceCode === '31')).toHaveLength(114);
    expect(file.communes).toContainEqual({ code: '00070', name: 'Phường Hoàn Kiếm', provinceCode: '01' });
  });

  it.each([
    ['provinces', 'province_code,province_name\n31,Hải Phòng\n'],
    ['communes', 'commune_code,commune_name,province_code,province_name\n11311,Phường Hồng Bàng,31,Hải Phòng\n'],
    ['provinces', '\uFEFFProvince_Code , Province_Name\r\n31,Hải Phòng\r\n'],
  ])('recognises a %s file by its header', (kind, text) => {
    expect(parseAdministrativeUnitsCsv(text).kind).toBe(kind);
  });

  it('refuses an unknown header on line 1, naming both accepted headers', () => {
    const [issue] = issuesOf('code,name\n31,Hải Phòng\n');
    expect(issue?.path).toBe('line 1');
    expect(issue?.message).toContain('province_code,province_name');
    expect(issue?.message).toContain('commune_code,commune_name,province_code,province_name');
  });

  it.each([['an empty file', ''], ['a header only', 'province_code,province_name\n']])('refuses %s', (_case, text) => {
    expect(issuesOf(text)).toHaveLength(1);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const file = parseAdministrativeUnitsCsv(
      'commune_code,commune_name,province_code,province_name\n' +
        '11311,"Phường Hồng Bàng, khu ""cũ""",31,"Thành phố Hải Phòng"\n' +
        '11312,"Xã\nhai dòng",31,Thành phố Hải Phòng\n' +
        '11313,Xã Ba,31,Thành phố Hải Phòng\n',
    );
    expect(file).toEqual({
      kind: 'communes',
      communes: [
        { code: '11311', name: 'Phường Hồng Bàng, khu "cũ"', provinceCode: '31' },
        { code: '11312', name: 'Xã\nhai dòng', provinceCode: '31' },
        { code: '11313', name: 'Xã Ba', provinceCode: '31' },
      ],
    });
  });

  it('names each bad row by its line number, counting the header as line 1', () => {
    const issues = issuesOf(
      [
        'commune_code,commune_name,province_code,province_name',
        '11311,Phường Hồng Bàng,31,Thành phố Hải Phòng',
        '1131,Phường Ngắn,31,Thành phố Hải Phòng',
        '11313,Phường Thiếu Tỉnh,31',
        '11314,,3A,Thành phố Hải Phòng',
        '',
        '11311,Phường Trùng,31,Thành phố Hải Phòng',
        '11315,Phường Tên Tỉnh Khác,31,Hải Phòng',
      ].join('\n'),
    );
    expect(issues).toEqual([
      { path: 'line 3, commune_code', message: expect.stringMatching(/must be 5 digits, got "1131".*leading zeros/) },
      { path: 'line 4', message: 'expected 4 fields (commune_code, commune_name, province_code, province_name), got 3' },
      { path: 'line 5, commune_name', message: 'must not be empty' },
      { path: 'line 5, province_code', message: 'must be 2 digits, got "3A"' },
      { path: 'line 7, commune_code', message: 'code 11311 is already on line 2' },
      { path: 'line 8, province_name', message: 'province 31 is "Thành phố Hải Phòng" on line 2, here "Hải Phòng"' },
    ]);
  });

  it('counts lines inside a quoted field when naming a later row', () => {
    const issues = issuesOf('province_code,province_name\n31,"Hải\nPhòng"\n1,Hà Nội\n');
    expect(issues).toEqual([{ path: 'line 4, province_code', message: expect.stringContaining('got "1"') }]);
  });

  it('refuses an unterminated quote', () => {
    expect(issuesOf('province_code,province_name\n31,"Hải Phòng\n01,Hà Nội\n')).toContainEqual({ path: 'line 2', message: 'a quoted field is never closed' });
  });

  it('lists at most 50 issues and says how many more there are', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${i + 100},Province ${i}`);
    const issues = issuesOf(['province_code,province_name', ...rows].join('\n'));
    expect(issues).toHaveLength(51);
    expect(issues.at(-1)).toEqual({ path: 'file', message: 'and 70 more issues' });
  });
});

describe('Function: parseCsvRecords', () => {
  it('skips blank lines and handles CRLF', () => {
    expect(parseCsvRecords('a,b\r\n\r\nc,d\r\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('reports text after a closing quote', () => {
    expect(parseCsvRecords('"a"b,c\n').issues).toEqual([{ path: 'line 1', message: expect.stringContaining('after a closing quote') }]);
  });
});
