import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { runOperatorScript } from '../support/operator';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoAdministrativeUnitsRepository } from '../../shared/modules/addresses/dynamodb';
import { validateAddress } from '../../shared/modules/addresses/use-cases/validate-address';
import { documents } from '../support/emulators';

/** The official lists shipped in data/units. */
const PROVINCES = fileURLToPath(new URL('../../data/units/provinces-2025.csv', import.meta.url));
const COMMUNES = fileURLToPath(new URL('../../data/units/communes-2025.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'toantrinh-units-'));

function unitsImport(...files: string[]) {
  return runOperatorScript('scripts/units-import.ts', files);
}

/** A fresh reader each time, without the in-container cache, so every check sees the table. */
const repository = () => new DynamoAdministrativeUnitsRepository(documents(), inject('tableName'), { cacheTtlMs: 0 });

function writeCsv(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

beforeAll(() => {
  const provinces = unitsImport(PROVINCES);
  expect(provinces.status, provinces.stderr).toBe(0);
  expect(provinces.stdout).toContain('Imported 34 provinces');
  const communes = unitsImport(COMMUNES);
  expect(communes.status, communes.stderr).toBe(0);
  expect(communes.stdout).toContain('Imported 3321 communes of 34 provinces');
}, 120_000);

describe('Operator: npm run units:import', () => {
  it('makes the provinces and communes readable through the repository', async () => {
    const units = repository();
    expect(await units.hasProvinces()).toBe(true);
    expect(await units.hasCommunes()).toBe(true);
    expect(await units.getProvince('31')).toEqual({ code: '31', name: 'Thành phố Hải Phòng' });
    expect(await units.getCommune('11311')).toEqual({ code: '11311', name: 'Phường Hồng Bàng', provinceCode: '31' });
    expect(await units.getCommune('00070')).toEqual({ code: '00070', name: 'Phường Hoàn Kiếm', provinceCode: '01' });
    expect(await units.getCommune('99999')).toBeUndefined();
    expect(await units.listInfo('COMMUNE')).toEqual({ count: 3321, loadedAt: expect.any(String) });
    expect((await units.listInfo('PROVINCE'))?.count).toBe(34);
  });

  it('backs address validation: a commune of another province is refused with its real province', async () => {
    const units = repository();
    expect(await validateAddress(units, { provinceCode: '31', communeCode: '11311', street: 'Số 18 Hoàng Diệu' })).toEqual({ issues: [], communeChecked: true });
    const wrong = await validateAddress(units, { provinceCode: '31', communeCode: '00070', street: 'Số 18 Hoàng Diệu' });
    expect(wrong.issues).toEqual([{ path: 'address.communeCode', message: 'commune 00070 (Phường Hoàn Kiếm) is in Thành phố Hà Nội (01), not in province 31' }]);
  });

  it('refuses a bad file, prints each issue by line and writes nothing', async () => {
    const bad = writeCsv('bad-communes.csv', [
      'commune_code,commune_name,province_code,province_name',
      '99998,Phường Thử,31,Thành phố Hải Phòng',
      '1131,Phường Ngắn,31,Thành phố Hải Phòng',
      '99997,Phường Không Tỉnh,3,Thành phố Hải Phòng',
    ]);
    const result = unitsImport(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stderr).toContain('line 3, commune_code: must be 5 digits, got "1131"');
    expect(result.stderr).toContain('line 4, province_code: must be 2 digits, got "3"');
    const units = repository();
    expect(await units.getCommune('99998')).toBeUndefined();
    expect((await units.listInfo('COMMUNE'))?.count).toBe(3321);
  }, 60_000);

  it('imports nothing when one of several files is bad', async () => {
    const good = writeCsv('provinces-plus.csv', ['province_code,province_name', '98,Tỉnh Thử']);
    const bad = writeCsv('bad-provinces.csv', ['code,name', '31,Hải Phòng']);
    const result = unitsImport(good, bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('line 1: header must be');
    expect(await repository().getProvince('98')).toBeUndefined();
  }, 60_000);

  it('replaces the whole list: a code dropped from the new file is removed', async () => {
    const official = readFileSync(PROVINCES, 'utf8').trimEnd().split('\n');
    const withExtra = writeCsv('provinces-extra.csv', [...official, '99,Tỉnh Thử']);
    expect(unitsImport(withExtra).status).toBe(0);
    expect(await repository().getProvince('99')).toEqual({ code: '99', name: 'Tỉnh Thử' });

    const restored = unitsImport(PROVINCES);
    expect(restored.status, restored.stderr).toBe(0);
    expect(await repository().getProvince('99')).toBeUndefined();
    expect(await repository().getProvince('31')).toBeDefined();
    expect((await repository().listInfo('PROVINCE'))?.count).toBe(34);
  }, 60_000);

  it('prints its usage without a file', () => {
    const result = unitsImport();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run units:import');
  });
});
