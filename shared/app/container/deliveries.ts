import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { integerEnv } from '../../platform/config/env';
import type { DeliveryStore } from '../../modules/deliveries/ports';
import type { PostalService } from '../../modules/deliveries/carrier-port';
import { DynamoDeliveryStore } from '../../modules/deliveries/dynamodb';
import { Carriers, type CarrierRegistry } from '../../modules/deliveries/carriers/registry';
import { loadPostalSettings, maxFailedAttempts, type PostalSettings } from '../../modules/deliveries/settings';
import type { DeliveryDeps } from '../../modules/deliveries/use-cases/deliveries';
import { base } from './base';
import { addresses, catalogue } from './catalogue';
import { dynamo } from './dynamo';
import { secrets } from './secrets';
import { sqs } from './sqs';
import { dossierStore } from './dossiers';
import { definePart } from './part';

/** Asks the postal-orders consumer to order a delivery; the order is idempotent on the delivery id. */
export type PostalOrderRequester = (deliveryId: string) => Promise<void>;

export interface DeliveriesMembers {
  readonly deliveryStore: DeliveryStore;
  /** The carriers that can be chosen (POSTAL_CARRIER); tests add a fake one. */
  readonly carriers: CarrierRegistry;
  readonly deliveryDeps: DeliveryDeps;
}

export const deliveries = /* @__PURE__ */ definePart<DeliveriesMembers>()(
  'deliveries',
  [base, dynamo, dossierStore, catalogue, addresses],
  (c, { once, tableName, settings }) => ({
    get deliveryStore() {
      return once('deliveryStore', () => new DynamoDeliveryStore(c.documentClient, tableName()));
    },
    get carriers() {
      return once('carriers', () => Carriers);
    },
    get deliveryDeps() {
      return once('deliveryDeps', () => ({
        deliveries: c.deliveryStore,
        dossiers: c.dossierStore,
        catalogue: c.catalogue,
        units: c.units,
        clock: c.clock,
        maxFailedAttempts: maxFailedAttempts(settings.values),
        carrierStatusCodes: c.carriers.active(settings.values).statusCodes,
      }));
    },
  }),
);

/** The active carrier's client and settings: the functions that call the carrier. */
export interface PostalServiceMembers {
  readonly postalSettings: Promise<PostalSettings>;
  readonly postalService: Promise<PostalService>;
  /** First backoff of a failed postal order (POSTAL_ORDER_BACKOFF_BASE_SECONDS [30]), doubling per receive. */
  readonly postalOrderBackoffBaseSeconds: number;
}

export const postalService = /* @__PURE__ */ definePart<PostalServiceMembers>()('postalService', [deliveries, secrets], (c, { once, settings }) => ({
  get postalSettings() {
    return once('postalSettings', () => loadPostalSettings(c.settingsSource));
  },
  get postalService() {
    return once('postalService', () => c.carriers.active(settings.values).postalService(c.settingsSource));
  },
  get postalOrderBackoffBaseSeconds() {
    return once('postalOrderBackoffBaseSeconds', () => integerEnv('POSTAL_ORDER_BACKOFF_BASE_SECONDS', 30, 1, settings.values));
  },
}));

export interface PostalOrdersMembers {
  readonly postalOrders: PostalOrderRequester;
}

export const postalOrders = /* @__PURE__ */ definePart<PostalOrdersMembers>()('postalOrders', [base, sqs], (c, { once }) => ({
  get postalOrders() {
    return once('postalOrders', (): PostalOrderRequester => async (deliveryId) => {
      await c.sqsClient.send(new SendMessageCommand({ QueueUrl: c.queueUrl('postalOrders'), MessageBody: JSON.stringify({ deliveryId }) }));
    });
  },
}));
