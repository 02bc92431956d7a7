import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '../platform/dynamodb/client';
import { createSqsClient } from '../platform/sqs/client';
import { integerEnv, submittedAtMaxAgeDays } from '../platform/config/env';
import { serviceVersion } from '../platform/config/version';
import { Queues, type QueueKey } from '../platform/config/resources';
import { createSecretReader, type SecretReader } from '../platform/config/secrets';
import type { SettingsSource } from '../platform/config/source';
import type { RouteOptions } from '../platform/http/route';
import { systemClock, type Clock } from '../platform/kernel/time';
import type { CatalogueReader } from '../modules/catalogue/ports';
import { CachedCatalogue } from '../modules/catalogue/cached-catalogue';
import { DynamoCatalogueRepository } from '../modules/catalogue/dynamodb';
import type { AdministrativeUnitsReader } from '../modules/addresses/ports';
import { DynamoAdministrativeUnitsRepository } from '../modules/addresses/dynamodb';
import type { DossierEventPublisher, DossierStore, KpiReader, Outbox } from '../modules/dossiers/ports';
import { DynamoDossierStore } from '../modules/dossiers/dynamodb';
import { SqsDossierEventPublisher } from '../modules/dossiers/sqs-publisher';
import { DEFAULT_SUBMISSION_WINDOW } from '../modules/dossiers/domain/register';
import type { DossierDeps } from '../modules/dossiers/use-cases/dossiers';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from '../modules/dossiers/use-cases/relay-outbox';
import type { PaymentProvider, PaymentStore } from '../modules/payments/ports';
import type { SettledPayments } from '../modules/payments/settled-payments-port';
import { DynamoPaymentStore } from '../modules/payments/dynamodb';
import type { PaymentProviderName } from '../modules/payments/domain/payment';
import { loadPaymentSettings, type PaymentSettings } from '../modules/payments/settings';
import { paymentProviders, type PaymentProviderRegistry } from '../modules/payments/providers/registry';
import type { CreatePaymentDeps } from '../modules/payments/use-cases/create-payment';
import type { SettleDeps } from '../modules/payments/use-cases/settle-payment';
import type { DeliveryStore } from '../modules/deliveries/ports';
import type { PostalService } from '../modules/deliveries/carrier-port';
import { DynamoDeliveryStore } from '../modules/deliveries/dynamodb';
import { Carriers, type CarrierRegistry } from '../modules/deliveries/carriers/registry';
import { loadPostalSettings, maxFailedAttempts, type PostalSettings } from '../modules/deliveries/settings';
import type { DeliveryDeps } from '../modules/deliveries/use-cases/deliveries';
import type { Settings } from './settings';
import type { DossierReaction } from '../modules/dossiers';
import { dossierReactions } from './reactions';

/** Asks the postal-orders consumer to order a delivery; the order is idempotent on the delivery id. */
export type PostalOrderRequester = (deliveryId: string) => Promise<void>;

/** The adapters a container builds, each once; any of them can be replaced (tests pass fakes). */
export interface Adapters {
  readonly clock: Clock;
  readonly documentClient: DynamoDBDocumentClient;
  readonly sqsClient: SQSClient;
  readonly secrets: SecretReader;
  readonly catalogue: CatalogueReader;
  readonly units: AdministrativeUnitsReader;
  readonly dossierStore: DossierStore & Outbox & KpiReader;
  readonly dossierEvents: DossierEventPublisher;
  readonly paymentStore: PaymentStore & SettledPayments;
  /** The payment providers that can be built (tests add a fake one). */
  readonly paymentRegistry: PaymentProviderRegistry;
  readonly paymentSettings: Promise<PaymentSettings>;
  readonly paymentProviders: Promise<Readonly<Record<PaymentProviderName, PaymentProvider>>>;
  readonly deliveryStore: DeliveryStore;
  /** The carriers that can be chosen (POSTAL_CARRIER); tests add a fake one. */
  readonly carriers: CarrierRegistry;
  readonly postalSettings: Promise<PostalSettings>;
  readonly postalService: Promise<PostalService>;
  readonly postalOrders: PostalOrderRequester;
  /** What follows an applied dossier event (shared/app/reactions.ts); tests add fake ones. */
  readonly dossierReactions: readonly DossierReaction[];
}

/** What handlers are made from: the adapters, the use cases' dependency bundles and the settings they read. */
export interface Container extends Adapters {
  readonly settings: Settings;
  /** The settings source handed to the modules' settings loaders. */
  readonly settingsSource: SettingsSource;
  /** Options every HTTP route of this container shares (the portal origins for CORS). */
  readonly routeOptions: RouteOptions;
  readonly serviceVersion: string;
  readonly dossierDeps: DossierDeps;
  readonly deliveryDeps: DeliveryDeps;
  readonly settleDeps: SettleDeps;
  readonly createPaymentDeps: Promise<CreatePaymentDeps>;
  readonly relaySettings: RelaySettings;
  /** Succeeded payments younger than this are left to the outbox relay (RECONCILE_PAYMENTS_AFTER_MINUTES [30]). */
  readonly reconcilePaymentsAfterMs: number;
  /** First backoff of a failed postal order (POSTAL_ORDER_BACKOFF_BASE_SECONDS [30]), doubling per receive. */
  readonly postalOrderBackoffBaseSeconds: number;
  queueUrl(queue: QueueKey): string;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new Error(`${what} is not set`);
  return value;
}

/**
 * The one place that builds adapters. Each member is built on first use and then kept for the life
 * of the container (a Lambda container, or one local runtime); a failed asynchronous build (e.g. SSM
 * unreachable) is forgotten so that the next invocation tries again.
 */
export function createContainer(settings: Settings, overrides: Partial<Adapters> = {}): Container {
  const built = new Map<string, unknown>();
  function once<T>(name: string, build: () => T): T {
    if (name in overrides) return (overrides as Record<string, T>)[name]!;
    if (!built.has(name)) {
      const value = build();
      built.set(name, value);
      if (value instanceof Promise) value.catch(() => built.delete(name));
    }
    return built.get(name) as T;
  }
  const tableName = () => required(settings.tableName, 'The table name (TABLE_NAME)');
  const values = settings.values;

  const container: Container = {
    settings,
    get routeOptions() {
      return once('routeOptions', () => ({ corsOrigins: settings.corsOrigins }));
    },
    get serviceVersion() {
      return once('serviceVersion', () => serviceVersion(values));
    },
    queueUrl: (queue) => required(settings.queueUrls[queue], `The queue URL ${Queues[queue].envVar}`),
    get clock() {
      return once('clock', () => systemClock);
    },
    get documentClient() {
      return once('documentClient', () => createDocumentClient(settings.aws));
    },
    get sqsClient() {
      return once('sqsClient', () => createSqsClient(settings.aws));
    },
    get secrets() {
      return once('secrets', () => createSecretReader(settings.secrets));
    },
    get settingsSource() {
      return once('settingsSource', () => ({ values, secret: container.secrets }));
    },
    get catalogue() {
      return once('catalogue', () => new CachedCatalogue(new DynamoCatalogueRepository(container.documentClient, tableName())));
    },
    get units() {
      return once('units', () => new DynamoAdministrativeUnitsRepository(container.documentClient, tableName()));
    },
    get dossierStore() {
      return once('dossierStore', () => new DynamoDossierStore(container.documentClient, tableName()));
    },
    get dossierEvents() {
      return once('dossierEvents', () => new SqsDossierEventPublisher(container.sqsClient, container.queueUrl('dossierEvents')));
    },
    get paymentStore() {
      return once('paymentStore', () => new DynamoPaymentStore(container.documentClient, tableName()));
    },
    get paymentRegistry() {
      return once('paymentRegistry', () => paymentProviders);
    },
    get paymentSettings() {
      return once('paymentSettings', () => loadPaymentSettings(container.settingsSource, container.paymentRegistry));
    },
    get paymentProviders() {
      return once('paymentProviders', async () => container.paymentRegistry.build((await container.paymentSettings).providers));
    },
    get deliveryStore() {
      return once('deliveryStore', () => new DynamoDeliveryStore(container.documentClient, tableName()));
    },
    get postalSettings() {
      return once('postalSettings', () => loadPostalSettings(container.settingsSource));
    },
    get carriers() {
      return once('carriers', () => Carriers);
    },
    get postalService() {
      return once('postalService', () => container.carriers.active(values).postalService(container.settingsSource));
    },
    get postalOrders() {
      return once('postalOrders', (): PostalOrderRequester => async (deliveryId) => {
        await container.sqsClient.send(new SendMessageCommand({ QueueUrl: container.queueUrl('postalOrders'), MessageBody: JSON.stringify({ deliveryId }) }));
      });
    },
    get dossierReactions() {
      return once('dossierReactions', () => dossierReactions(container));
    },
    get dossierDeps() {
      return once('dossierDeps', () => ({
        store: container.dossierStore,
        publisher: container.dossierEvents,
        catalogue: container.catalogue,
        clock: container.clock,
        submissionWindow: { ...DEFAULT_SUBMISSION_WINDOW, maxAgeDays: submittedAtMaxAgeDays(values) },
      }));
    },
    get deliveryDeps() {
      return once('deliveryDeps', () => ({
        deliveries: container.deliveryStore,
        dossiers: container.dossierStore,
        publisher: container.dossierEvents,
        catalogue: container.catalogue,
        units: container.units,
        clock: container.clock,
        maxFailedAttempts: maxFailedAttempts(values),
        carrierStatusCodes: container.carriers.active(values).statusCodes,
      }));
    },
    get settleDeps() {
      return once('settleDeps', () => ({ payments: container.paymentStore, outbox: container.dossierStore, publisher: container.dossierEvents, clock: container.clock }));
    },
    get createPaymentDeps() {
      return once('createPaymentDeps', async () => {
        const settings = await container.paymentSettings;
        return {
          dossiers: container.dossierStore,
          payments: container.paymentStore,
          providers: await container.paymentProviders,
          expiryMinutes: settings.expiryMinutes,
          returnOrigins: settings.returnOrigins,
          clock: container.clock,
        };
      });
    },
    get relaySettings() {
      return once('relaySettings', () => ({
        ...DEFAULT_RELAY_SETTINGS,
        graceMs: integerEnv('OUTBOX_RELAY_GRACE_SECONDS', DEFAULT_RELAY_SETTINGS.graceMs / 1000, 0, values) * 1000,
        baseDelayMs: integerEnv('OUTBOX_RELAY_BASE_DELAY_SECONDS', DEFAULT_RELAY_SETTINGS.baseDelayMs / 1000, 1, values) * 1000,
      }));
    },
    get reconcilePaymentsAfterMs() {
      return once('reconcilePaymentsAfterMs', () => integerEnv('RECONCILE_PAYMENTS_AFTER_MINUTES', 30, 0, values) * 60_000);
    },
    get postalOrderBackoffBaseSeconds() {
      return once('postalOrderBackoffBaseSeconds', () => integerEnv('POSTAL_ORDER_BACKOFF_BASE_SECONDS', 30, 1, values));
    },
  };
  return container;
}
