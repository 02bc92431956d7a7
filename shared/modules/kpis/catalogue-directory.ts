import type { CatalogueReader } from '../catalogue';
import type { AgencyDirectory } from './ports';

/** Agencies' names and levels as the catalogue declares them; an agency without a level is a department. */
export function catalogueDirectory(catalogue: Pick<CatalogueReader, 'getAgency' | 'listAgencies'>): AgencyDirectory {
  return {
    async profile(agencyCode) {
      const agency = await catalogue.getAgency(agencyCode);
      return agency ? { name: agency.name.vi, level: agency.level ?? 'department' } : undefined;
    },
    async agencies() {
      return (await catalogue.listAgencies()).map((agency) => ({ agencyCode: agency.code, name: agency.name.vi, level: agency.level ?? 'department' }));
    },
  };
}
