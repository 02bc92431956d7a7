/** The identity module's public surface: the only thing other modules import. */
export { normaliseVietnamesePhone } from './domain/phone';
