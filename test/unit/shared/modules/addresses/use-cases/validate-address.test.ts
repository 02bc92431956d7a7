import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNES_NOT_LOADED_NOTE, validateAddress } from '../../../../../../shared/modules/addresses/use-cases/validate-address';
import { InMemoryAdministrativeUnits, loadUnitsFromCsvFiles } from '../../../../../fakes/units-in-memory';
import { AdministrativeUnitsFileError } from '../../../../../../shared/modules/addresses/domain/administrative-units';
import { AddressSchema } from '../../../../../../shared/modules/addresses/api/address';

/** The official lists shipped in data/units. */
const dataPath = (name: string) => fileURLToPath(new URL(`../../../../../../data/units/${name}`, import.meta.url));
const PROVINCES = dataPath('provinces-2025.csv');
const COMMUNES = dataPath('communes-2025.csv');

const provinceRows = readFileSync(PROVINCES, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
/** The first commune of each province, so every province code is tested with a commune of its own. */
const firstCommuneOf = new Map<string, string>();
for (const line of readFileSync(COMMUNES, 'utf8').trim().split('\n').slice(1)) {
  const [code = '', , province = ''] = line.split(',');
  if (!firstCommuneOf.has(province)) firstCommuneOf.set(province, code);
}

let units: InMemoryAdministrativeUnits;
beforeAll(async () => {
  units = await loadUnitsFromCsvFiles([PROVINCES, COMMUNES]);
});

const hongBang = { provinceCode: '31', communeCode: '11311', street: 'Số 18 Hoàng Diệu' };

describe('Function: validateAddress with both official lists', () => {
  it('has the 34 provinces', () => {
    expect(provinceRows).toHaveLength(34);
  });

  it.each(provinceRows)('accepts province %s (%s) with one of its communes', async (provinceCode) => {
    const communeCode = firstCommuneOf.get(provinceCode!);
    expect(communeCode, `no commune for province ${provinceCode}`).toBeDefined();
    const result = await validateAddress(units, { provinceCode: provinceCode!, communeCode: communeCode!, street: '1 Đường A' });
    expect(result).toEqual({ issues: [], communeChecked: true });
  });

  it('has 114 communes in Hải Phòng (31)', () => {
    expect(units.communesOf('31')).toHaveLength(114);
  });

  it('accepts a Hải Phòng address', async () => {
    expect(await validateAddress(units, hongBang)).toEqual({ issues: [], communeChecked: true });
  });

  it('refuses a commune of another province and names its real province', async () => {
    const result = await validateAddress(units, { ...hongBang, communeCode: '00070' });
    expect(result.issues).toEqual([
      { path: 'address.communeCode', message: 'commune 00070 (Phường Hoàn Kiếm) is in Thành phố Hà Nội (01), not in province 31' },
    ]);
  });

  it.each([
    ['an unknown commune', { communeCode: '99999' }, 'address.communeCode', 'no commune has code 99999'],
    ['an unknown province', { provinceCode: '99' }, 'address.provinceCode', 'no province has code 99'],
    ['a 3-digit province code', { provinceCode: '031' }, 'address.provinceCode', 'must be a 2-digit province code'],
    ['a commune code without its zeros', { provinceCode: '01', communeCode: '70' }, 'address.communeCode', 'must be a 5-digit commune code'],
    ['a blank street', { street: '   ' }, 'address.street', 'must not be empty'],
    ['a street of 201 characters', { street: 'a'.repeat(201) }, 'address.street', 'must be at most 200 characters'],
  ])('refuses %s', async (_case, change, path, message) => {
    const result = await validateAddress(units, { ...hongBang, ...change });
    expect(result.issues).toContainEqual({ path, message });
  });

  it('accepts a street of 200 characters after trimming', async () => {
    expect((await validateAddress(units, { ...hongBang, street: `  ${'a'.repeat(200)}  ` })).issues).toEqual([]);
  });

  it('names issues under the path the caller gives', async () => {
    const result = await validateAddress(units, { ...hongBang, street: '' }, 'delivery.address');
    expect(result.issues).toEqual([{ path: 'delivery.address.street', message: 'must not be empty' }]);
  });
});

describe('Function: validateAddress with partial lists', () => {
  it('checks only the province when no commune list is loaded, and says so', async () => {
    const provincesOnly = await loadUnitsFromCsvFiles([PROVINCES]);
    const result = await validateAddress(provincesOnly, { ...hongBang, communeCode: '00070' });
    expect(result).toEqual({ issues: [], communeChecked: false, note: 'commune list not loaded: only the province was checked' });
    expect(result.note).toBe(COMMUNES_NOT_LOADED_NOTE);
    expect((await validateAddress(provincesOnly, { ...hongBang, provinceCode: '99' })).issues).toEqual([
      { path: 'address.provinceCode', message: 'no province has code 99' },
    ]);
  });

  it('checks only formats when nothing is loaded', async () => {
    const empty = new InMemoryAdministrativeUnits();
    expect(await validateAddress(empty, { ...hongBang, provinceCode: '99' })).toMatchObject({ issues: [], communeChecked: false });
    expect((await validateAddress(empty, { ...hongBang, provinceCode: '9' })).issues).toHaveLength(1);
  });

  it('names the real province by code when only communes are loaded', async () => {
    const communesOnly = await loadUnitsFromCsvFiles([COMMUNES]);
    const result = await validateAddress(communesOnly, { ...hongBang, communeCode: '00070' });
    expect(result.issues).toEqual([{ path: 'address.communeCode', message: 'commune 00070 (Phường Hoàn Kiếm) is in province 01, not in province 31' }]);
  });
});

describe('Function: loadUnitsFromCsvFiles', () => {
  it('names the file it cannot read', async () => {
    const bad = fileURLToPath(new URL('./__missing__.csv', import.meta.url));
    await expect(loadUnitsFromCsvFiles([bad])).rejects.toThrow(/__missing__\.csv/);
  });

  it('throws the typed error for an invalid file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'units-')), 'bad.csv');
    writeFileSync(file, 'province_code,province_name\n1,Hà Nội\n');
    const error = await loadUnitsFromCsvFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdministrativeUnitsFileError);
    expect((error as Error).message).toContain('bad.csv');
    expect((error as AdministrativeUnitsFileError).details).toEqual([{ path: 'line 2, province_code', message: expect.stringContaining('got "1"') }]);
  });
});

describe('Schema: AddressSchema', () => {
  it('trims the street and accepts codes with leading zeros', () => {
    expect(AddressSchema.parse({ provinceCode: '01', communeCode: '00070', street: '  1 Tràng Tiền ' })).toEqual({ provinceCode: '01', communeCode: '00070', street: '1 Tràng Tiền' });
  });

  it.each([
    [{ provinceCode: '1', communeCode: '00070', street: 'x' }, 'provinceCode'],
    [{ provinceCode: '01', communeCode: '70', street: 'x' }, 'communeCode'],
    [{ provinceCode: '01', communeCode: '00070', street: '  ' }, 'street'],
    [{ provinceCode: '01', communeCode: '00070', street: 'x'.repeat(201) }, 'street'],
    [{ provinceCode: '01', communeCode: '00070', street: 'x', districtCode: '001' }, ''],
  ])('refuses %j at %s', (value, path) => {
    const result = AddressSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
