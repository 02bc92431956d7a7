/** The dossiers module's public surface: the only thing other modules import. */
export { DeliveryStatusSchema, DossierNoSchema, DossierPathSchema, DossierStatusSchema } from './api/vocabulary';
export { VietnamesePhoneSchema } from './api/phone';
export { DELIVERY_STATUSES, DOSSIER_EVENT_TYPES } from './domain/events';
export type { DeliveryStatus, DossierEvent, DossierEventOf, DossierEventType, PostagePayer } from './domain/events';
export type { Dossier } from './domain/dossier';
export { DossierExistsError, DuplicateEventError } from './domain/errors';
export { DossierMachine } from './domain/transitions';
export type { DossierEventPublisher, DossierStore } from './ports';
export type { DossierReaction } from './reactions';
export { canSee, visibleDossier } from './use-cases/dossiers';
export { queueInOutbox } from './outbox';
