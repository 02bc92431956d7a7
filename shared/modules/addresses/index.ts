/** The addresses module's public surface: the only thing other modules import. */
export { AddressSchema } from './api/address';
export type { Address } from './api/address';
export { validateAddress } from './domain/validate-address';
export type { AdministrativeUnitsReader } from './ports';
