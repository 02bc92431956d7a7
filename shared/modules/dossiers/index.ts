/** The dossiers module's public surface: the only thing other modules import. */
export { DossierPathSchema, VietnamesePhoneSchema } from './api/dossier';
export { DeliveryStatusSchema, DossierNoSchema } from './api/dossier-events';
export type { DeliveryStatus, DossierEvent } from './api/dossier-events';
export type { Dossier } from './domain/dossier';
export { ConcurrentModificationError, DossierExistsError, DuplicateEventError } from './domain/errors';
export type { DossierEventPublisher, DossierStore, Outbox } from './ports';
export { canSee, visibleDossier } from './use-cases/dossiers';
export { publishQueued } from './use-cases/relay-outbox';
export { OutboxKeys, outboxPut } from './outbox';
