/** The identity module's public surface: the only thing other modules import. */
export { normaliseVietnamesePhone, PhoneKinds } from './domain/phone';
export type { VietnamesePhoneKind } from './domain/phone';
