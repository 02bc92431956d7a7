import type { Clock } from '../platform/kernel/time';
import type { DossierReaction } from '../modules/dossiers';
import { readyForPostalOrder } from '../modules/deliveries/use-cases/deliveries';
import type { PaymentStore } from '../modules/payments/ports';
import { flagUnwantedPayment } from '../modules/payments/use-cases/reconcile-payments';
import { requestPortalPush } from '../modules/national-portal';
import type { RequestDeps as PortalPushRequestDeps } from '../modules/national-portal/use-cases/sync';
import { feesSettled } from '../modules/receipts';
import type { ReceiptRequest } from './container/receipts';
import { enqueueNotice, noticeKindOf, wasApplied, type EnqueueDeps } from '../modules/notifications';
import type { DeliveryStore } from '../modules/deliveries/ports';
import type { FinanceStore } from '../modules/finance';
import { recordPaymentMoney } from '../modules/finance/use-cases/collections';
import { callsForWebhook, requestPortalWebhook, type WebhookRequestDeps } from '../modules/portal-webhooks';

/** What the reactions are built with (the container gives them; tests give fakes). */
export interface ReactionDeps {
  /** Asks the postal-orders consumer to order a delivery. */
  readonly postalOrders: (deliveryId: string) => Promise<void>;
  readonly paymentStore: Pick<PaymentStore, 'get' | 'settle'>;
  readonly clock: Clock;
  /** Records that the national portal lags and queues a push (national-portal module). */
  readonly portalPushRequests: PortalPushRequestDeps;
  /** Queues e-receipt issuance (receipts module); the consumer is idempotent per dossier. */
  readonly receiptRequests: (request: ReceiptRequest) => Promise<void>;
  /** Writes a notice on the ledger and queues it (notifications module). */
  readonly noticeRequests: EnqueueDeps;
  /** Where a parcel's tracking number is read for the "handed to the post" notice. */
  readonly deliveryStore: Pick<DeliveryStore, 'get'>;
  /** The finance book and exceptions queue (finance module); absent in tests that do not exercise it. */
  readonly financeStore?: FinanceStore;
  /** The portal's status pushes (portal-webhooks module); absent in tests that do not exercise it. */
  readonly webhookRequests?: WebhookRequestDeps;
}

/**
 * A paper result ready for a postal return goes to the carrier. Idempotent: the postal-orders
 * consumer orders each delivery id once, so asking again after a redelivery is harmless.
 */
export function postalOrderReaction(deps: Pick<ReactionDeps, 'postalOrders'>): DossierReaction {
  return {
    name: 'postal-order',
    when: (dossier) => readyForPostalOrder(dossier),
    run: (dossier) => deps.postalOrders(dossier.delivery!.deliveryId),
  };
}

/**
 * Money the dossier did not want (paid twice, or no longer awaiting) is flagged for refund review on
 * the payment. Idempotent: a payment already flagged is left alone. The payment store alone is used,
 * never a provider.
 */
export function unwantedPaymentReaction(deps: Pick<ReactionDeps, 'paymentStore' | 'clock'>): DossierReaction {
  return {
    name: 'unwanted-payment',
    when: (dossier, event) => event.type === 'PaymentSucceeded' && dossier.payments.some((p) => p.paymentId === event.paymentId && p.refundReview === true),
    run: async (dossier, event) => void (await flagUnwantedPayment(deps.paymentStore, event, dossier, deps.clock.now())),
  };
}

/**
 * Every applied change goes to the National Public Service Portal: the sync state records the
 * version owed and a push is queued (FIFO by dossier). Idempotent: the state only moves forward and
 * the message is deduplicated by dossier version; the consumer pushes the newest state anyway.
 */
export function nationalPortalReaction(deps: Pick<ReactionDeps, 'portalPushRequests'>): DossierReaction {
  return {
    name: 'national-portal-sync',
    when: () => true,
    run: (dossier) => requestPortalPush(deps.portalPushRequests, dossier),
  };
}

/**
 * Paid fees get their e-receipts (one for phí, one for lệ phí), issued by the receipt-issuance
 * consumer with retries and a DLQ, never inline. Idempotent: the consumer reserves a dossier's
 * receipts once (their ids derive from the dossier number), so a redelivered event changes nothing.
 */
export function receiptsReaction(deps: Pick<ReactionDeps, 'receiptRequests'>): DossierReaction {
  return {
    name: 'e-receipts',
    when: (dossier, event) => event.type === 'PaymentSucceeded' && feesSettled(dossier),
    run: (dossier, event) => deps.receiptRequests({ dossierNo: dossier.dossierNo, ...(event.type === 'PaymentSucceeded' ? { paymentId: event.paymentId } : {}) }),
  };
}

/**
 * Money in goes into the finance book, and money the dossier did not want into the exceptions
 * queue (second or late success). Idempotent: both are keyed by the payment.
 */
export function financeReaction(deps: Pick<ReactionDeps, 'paymentStore' | 'clock'> & { readonly financeStore: FinanceStore }): DossierReaction {
  return {
    name: 'finance-book',
    when: (_dossier, event) => event.type === 'PaymentSucceeded',
    run: (dossier, event) => recordPaymentMoney({ finance: deps.financeStore, payments: deps.paymentStore, clock: deps.clock }, event, dossier),
  };
}

/**
 * What follows a dossier event once applied, in this order. A new reaction (a notice to the
 * citizen, a push to the national portal) is one more entry here and nothing else: the consumer runs
 * the list it is given.
 */
/**
 * The citizen hears of what matters to them (paid, payment failed, supplement asked, result ready,
 * parcel handed over, attempt failed, returned, delivered) by ZNS, else SMS, else email. Idempotent
 * per event: the notice id is derived from the event id, and a notice under way is not queued again.
 */
export function notifyReaction(deps: Pick<ReactionDeps, 'noticeRequests' | 'deliveryStore'>): DossierReaction {
  return {
    name: 'notify-citizen',
    when: (dossier, event) => wasApplied(dossier, event) && noticeKindOf(dossier, event) !== undefined,
    run: async (dossier, event) => {
      const trackingNumber =
        event.type === 'DeliveryStatusChanged' && event.status === 'PICKED_UP' ? (await deps.deliveryStore.get(event.deliveryId))?.trackingNumber : undefined;
      await enqueueNotice(deps.noticeRequests, dossier, event, trackingNumber ? { trackingNumber } : {});
    },
  };
}

/**
 * The portal hears of every dossier status change and every payment outcome by a signed webhook,
 * delivered with retries over 3 days by its own queue, never inline. Idempotent: the delivery is
 * keyed by the change's place in the dossier's history, so a redelivered event writes nothing new.
 */
export function portalWebhookReaction(deps: { readonly webhookRequests: WebhookRequestDeps }): DossierReaction {
  return {
    name: 'portal-webhook',
    when: (dossier, event) => callsForWebhook(dossier, event),
    run: async (dossier, event) => void (await requestPortalWebhook(deps.webhookRequests, dossier, event)),
  };
}

export function dossierReactions(deps: ReactionDeps): DossierReaction[] {
  return [postalOrderReaction(deps), unwantedPaymentReaction(deps), nationalPortalReaction(deps), receiptsReaction(deps), notifyReaction(deps), ...(deps.financeStore ? [financeReaction({ paymentStore: deps.paymentStore, clock: deps.clock, financeStore: deps.financeStore })] : []), ...(deps.webhookRequests ? [portalWebhookReaction({ webhookRequests: deps.webhookRequests })] : [])];
}
