import type { Settings } from './settings';
import { base } from './container/base';
import { dynamo } from './container/dynamo';
import { sqs } from './container/sqs';
import { secrets } from './container/secrets';
import { addresses, catalogue } from './container/catalogue';
import { dossierEvents, dossierListing, dossiers, dossierStore } from './container/dossiers';
import { paymentProviders, paymentStore, settlement } from './container/payments';
import { vnpayCallbacks } from './container/vnpay';
import { nationalPlatformCallbacks } from './container/national-platform';
import { deliveries, postalOrders, postalService } from './container/deliveries';
import { reactions } from './container/reactions';
import { nationalPortal, portalPushRequests, portalSyncStates } from './container/national-portal';
import { receiptRequests, receipts, receiptStore } from './container/receipts';
import { kpis } from './container/kpis';
import { notificationStore, noticeQueue, noticeRequests, noticeSender } from './container/notifications';
import { financeExceptions, financeStore, refunds } from './container/finance';
import { webhookDeliveries, webhookRequests, webhookSender } from './container/portal-webhooks';
import { settlementFiles } from './container/settlement-files';
import { compose, type ContainerOf } from './container/part';

export type { PostalOrderRequester } from './container/deliveries';

/**
 * Every part of the wiring. A Lambda's default handler composes only the parts its `makeHandler`
 * reads (functions/**), so its bundle carries only those adapters; the local runtime and the tests
 * compose them all. A new area is a part in shared/app/container/ plus one entry here.
 */
export const AllParts = [
  base,
  dynamo,
  sqs,
  secrets,
  catalogue,
  addresses,
  dossierStore,
  dossierListing,
  dossierEvents,
  dossiers,
  paymentStore,
  settlement,
  paymentProviders,
  vnpayCallbacks,
  nationalPlatformCallbacks,
  deliveries,
  postalService,
  postalOrders,
  reactions,
  portalSyncStates,
  portalPushRequests,
  nationalPortal,
  receiptRequests,
  receiptStore,
  receipts,
  kpis,
  notificationStore,
  noticeQueue,
  noticeRequests,
  noticeSender,
  financeStore,
  financeExceptions,
  refunds,
  settlementFiles,
  webhookDeliveries,
  webhookRequests,
  webhookSender,
] as const;

/** What handlers are made from: every part's members. */
export type Container = ContainerOf<typeof AllParts>;

/** The members that can be replaced (tests pass fakes); the settings cannot. */
export type Adapters = Omit<Container, 'settings' | 'queueUrl'>;

/** The full composition: one per local runtime, or per test. */
export function createContainer(settings: Settings, overrides: Partial<Adapters> = {}): Container {
  return compose(settings, AllParts, overrides);
}
