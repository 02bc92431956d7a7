/** The addresses module's public surface: the only thing other modules import. */
export { AddressSchema } from './api/address';
export type { Address } from './domain/address';
export type { Commune, Province } from './domain/administrative-units';
export { validateAddress } from './use-cases/validate-address';
export type { AddressValidation } from './use-cases/validate-address';
export type { AdministrativeUnitsReader, AdministrativeUnitsWriter } from './ports';
