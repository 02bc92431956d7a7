import type { FieldIssue } from '../../../platform/kernel/errors';
import type { AdministrativeUnitsReader } from '../ports';
import type { Address } from '../domain/address';

export interface AddressValidation {
  readonly issues: FieldIssue[];
  /** Whether the commune was checked against an imported commune list. */
  readonly communeChecked: boolean;
  /** Plain words for the caller's log or response when the check was partial. */
  readonly note?: string;
}

export const COMMUNES_NOT_LOADED_NOTE = 'commune list not loaded: only the province was checked';

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
const STREET_MAX = 200;

/**
 * Checks an address against the official units: the province exists, the commune exists and lies in
 * that province, the street is present. Each check runs only against a list that was imported, so a
 * deployment without the commune list still accepts addresses (and says it could not check them)
 * rather than refusing every postal return.
 *
 * Issues are named `${at}.provinceCode`, `${at}.communeCode`, `${at}.street`.
 */
export async function validateAddress(units: AdministrativeUnitsReader, address: Address, at = 'address'): Promise<AddressValidation> {
  const issues: FieldIssue[] = [];
  const [provincesLoaded, communesLoaded] = await Promise.all([units.hasProvinces(), units.hasCommunes()]);
  const provinceCode = address.provinceCode.trim();
  const communeCode = address.communeCode.trim();

  if (!PROVINCE_CODE.test(provinceCode)) {
    issues.push({ path: `${at}.provinceCode`, message: 'must be a 2-digit province code' });
  } else if (provincesLoaded && !(await units.getProvince(provinceCode))) {
    issues.push({ path: `${at}.provinceCode`, message: `no province has code ${provinceCode}` });
  }

  if (!COMMUNE_CODE.test(communeCode)) {
    issues.push({ path: `${at}.communeCode`, message: 'must be a 5-digit commune code' });
  } else if (communesLoaded) {
    const commune = await units.getCommune(communeCode);
    if (!commune) {
      issues.push({ path: `${at}.communeCode`, message: `no commune has code ${communeCode}` });
    } else if (commune.provinceCode !== provinceCode) {
      const home = provincesLoaded ? await units.getProvince(commune.provinceCode) : undefined;
      const homeName = home ? `${home.name} (${home.code})` : `province ${commune.provinceCode}`;
      issues.push({
        path: `${at}.communeCode`,
        message: `commune ${communeCode} (${commune.name}) is in ${homeName}, not in province ${provinceCode}`,
      });
    }
  }

  const street = address.street.trim();
  if (street.length === 0) issues.push({ path: `${at}.street`, message: 'must not be empty' });
  else if (street.length > STREET_MAX) issues.push({ path: `${at}.street`, message: `must be at most ${STREET_MAX} characters` });

  return communesLoaded ? { issues, communeChecked: true } : { issues, communeChecked: false, note: COMMUNES_NOT_LOADED_NOTE };
}
