/** The deliveries module's public surface: what other modules may import. */
export type { Delivery, DeliveryTimelineEntry, PostagePayer } from './domain/delivery';
export { POSTAGE_PAYERS } from './domain/delivery';
export { DELIVERY_CAUSES, DeliveryMachine, type DeliveryCause } from './domain/status';
export { FAILURE_REASONS, type FailureReason } from './domain/failure-reason';
export type { PostalService } from './carrier-port';
export { readyForPostalOrder } from './use-cases/deliveries';
