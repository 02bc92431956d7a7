/** The portal-webhooks module's public surface: what the app and other modules may import. */
export type { WebhookDelivery, WebhookDeliveryStatus, WebhookMessage } from './domain/delivery';
export { WebhookDeliveryMachine, WEBHOOK_DELIVERY_STATUSES } from './domain/delivery';
export type { PortalWebhookEvent } from './domain/event';
export { callsForWebhook, requestPortalWebhook, type WebhookRequestDeps } from './use-cases/request';
