import { NotFoundError } from '../../../platform/kernel/errors';
import type { Commune, Province } from '../domain/administrative-units';
import type { AdministrativeUnitsDirectory } from '../ports';

const NOT_IMPORTED = 'not imported yet: an operator loads the official list with npm run units:import';

/** The 34 provinces (since 2025-07-01), in code order. */
export async function listProvinces(directory: AdministrativeUnitsDirectory): Promise<{ items: Province[] }> {
  const provinces = await directory.listProvinces();
  if (!provinces) throw new NotFoundError('The province list has not been imported', { details: [{ path: 'provinces', message: NOT_IMPORTED }] });
  return { items: [...provinces] };
}

/** The communes (xã, phường, đặc khu) of one province, in code order; 404 naming an unknown province. */
export async function listCommunes(directory: AdministrativeUnitsDirectory, provinceCode: string): Promise<{ items: Commune[] }> {
  const [provinces, communes] = await Promise.all([directory.listProvinces(), directory.listCommunes(provinceCode)]);
  if (provinces && !provinces.some((p) => p.code === provinceCode)) {
    throw new NotFoundError(`No province has code ${provinceCode}`, { details: [{ path: 'provinceCode', message: `no province has code ${provinceCode}` }] });
  }
  if (!communes) throw new NotFoundError('The commune list has not been imported', { details: [{ path: 'communes', message: NOT_IMPORTED }] });
  return { items: [...communes] };
}
