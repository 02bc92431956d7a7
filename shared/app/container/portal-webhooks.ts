import type { PortalEndpoint, WebhookDeliveryStore, WebhookQueue } from '../../modules/portal-webhooks/ports';
import { DynamoWebhookDeliveryStore } from '../../modules/portal-webhooks/dynamodb';
import { sqsWebhookQueue } from '../../modules/portal-webhooks/sqs-queue';
import { fetchPortalEndpoint } from '../../modules/portal-webhooks/http-endpoint';
import { loadPortalWebhookSettings, signingSecrets } from '../../modules/portal-webhooks/settings';
import type { WebhookRequestDeps } from '../../modules/portal-webhooks/use-cases/request';
import type { DispatchDeps } from '../../modules/portal-webhooks/use-cases/dispatch';
import type { DeliverDeps } from '../../modules/portal-webhooks/use-cases/deliver';
import { base } from './base';
import { dynamo } from './dynamo';
import { sqs } from './sqs';
import { secrets } from './secrets';
import { definePart } from './part';

export interface WebhookDeliveriesMembers {
  /** The delivery log (the read route needs nothing else). */
  readonly webhookDeliveries: WebhookDeliveryStore;
}

export const webhookDeliveries = /* @__PURE__ */ definePart<WebhookDeliveriesMembers>()('webhookDeliveries', [dynamo], (c, { once, tableName }) => ({
  get webhookDeliveries() {
    return once('webhookDeliveries', () => new DynamoWebhookDeliveryStore(c.documentClient, tableName()));
  },
}));

export interface WebhookRequestsMembers {
  readonly webhookQueue: WebhookQueue;
  /** What the dossier reaction and the sweeper use: the log and the queue. */
  readonly webhookRequests: WebhookRequestDeps & DispatchDeps;
}

export const webhookRequests = /* @__PURE__ */ definePart<WebhookRequestsMembers>()('webhookRequests', [base, sqs, webhookDeliveries], (c, { once }) => ({
  get webhookQueue() {
    return once('webhookQueue', () => sqsWebhookQueue(c.sqsClient, c.queueUrl('portalWebhooks')));
  },
  get webhookRequests() {
    return once('webhookRequests', () => ({ store: c.webhookDeliveries, queue: c.webhookQueue, clock: c.clock }));
  },
}));

export interface WebhookSenderMembers {
  readonly portalEndpoint: PortalEndpoint;
  /** The consumer's dependencies: settings read once, secrets at each use (rotation without a deploy). */
  readonly webhookDeliverDeps: DeliverDeps;
}

/** The consumer that POSTs to the portal. */
export const webhookSender = /* @__PURE__ */ definePart<WebhookSenderMembers>()('webhookSender', [base, secrets, webhookDeliveries, webhookRequests], (c, { once, settings }) => ({
  get portalEndpoint() {
    return once('portalEndpoint', () => fetchPortalEndpoint(loadPortalWebhookSettings(settings.values).timeoutMs));
  },
  get webhookDeliverDeps() {
    return once('webhookDeliverDeps', (): DeliverDeps => ({
      store: c.webhookDeliveries,
      queue: c.webhookQueue,
      endpoint: c.portalEndpoint,
      settings: loadPortalWebhookSettings(settings.values),
      secrets: () => signingSecrets(c.secrets),
      clock: c.clock,
    }));
  },
}));
