import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listCommunes, listProvinces } from '../../../../../../shared/modules/addresses/use-cases/list-units';
import { NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { InMemoryAdministrativeUnits, loadUnitsFromCsvFiles } from '../../../../../fakes/units-in-memory';

const PROVINCES = fileURLToPath(new URL('../../../../../../data/units/provinces-2025.csv', import.meta.url));
const COMMUNES = fileURLToPath(new URL('../../../../../../data/units/communes-2025.csv', import.meta.url));

/** Communes per province counted straight from the shipped CSV (no quoted commas in it). */
function communeCountsOfCsv(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(COMMUNES, 'utf8').trim().split('\n').slice(1)) {
    const provinceCode = line.split(',')[2]!;
    counts.set(provinceCode, (counts.get(provinceCode) ?? 0) + 1);
  }
  return counts;
}

let units: InMemoryAdministrativeUnits;
beforeAll(async () => {
  units = await loadUnitsFromCsvFiles([PROVINCES, COMMUNES]);
});

describe('Function: listProvinces', () => {
  it('lists the 34 provinces of the shipped list in code order', async () => {
    const { items } = await listProvinces(units);
    expect(items).toHaveLength(34);
    expect(items.map((p) => p.code)).toEqual([...items.map((p) => p.code)].sort());
    expect(items).toContainEqual({ code: '31', name: 'Thành phố Hải Phòng' });
  });

  it('answers 404 when no province list was imported', async () => {
    await expect(listProvinces(new InMemoryAdministrativeUnits())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Function: listCommunes', () => {
  it("gives each province as many communes as the shipped list has (114 for Hai Phong), all of that province", async () => {
    const expected = communeCountsOfCsv();
    expect(expected.size).toBe(34);
    for (const { code } of (await listProvinces(units)).items) {
      const { items } = await listCommunes(units, code);
      expect(items, `province ${code}`).toHaveLength(expected.get(code)!);
      expect(items.every((c) => c.provinceCode === code)).toBe(true);
    }
    expect((await listCommunes(units, '31')).items).toHaveLength(114);
  });

  it('answers 404 naming an unknown province', async () => {
    const attempt = listCommunes(units, '99');
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ message: 'No province has code 99', details: [{ path: 'provinceCode', message: 'no province has code 99' }] });
  });

  it('answers 404 when the commune list was never imported', async () => {
    const provincesOnly = await loadUnitsFromCsvFiles([PROVINCES]);
    await expect(listCommunes(provincesOnly, '31')).rejects.toMatchObject({ details: [{ path: 'communes' }] });
  });
});
