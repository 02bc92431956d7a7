import type { Clock } from '../platform/kernel/time';
import type { DossierReaction } from '../modules/dossiers';
import { readyForPostalOrder } from '../modules/deliveries/use-cases/deliveries';
import type { PaymentStore } from '../modules/payments/ports';
import { flagUnwantedPayment } from '../modules/payments/use-cases/reconcile-payments';
import { requestPortalPush } from '../modules/national-portal';
import type { RequestDeps as PortalPushRequestDeps } from '../modules/national-portal/use-cases/sync';
import type { FinanceStore } from '../modules/finance';
import { recordPaymentMoney } from '../modules/finance/use-cases/collections';

/** What the reactions are built with (the container gives them; tests give fakes). */
export interface ReactionDeps {
  /** Asks the postal-orders consumer to order a delivery. */
  readonly postalOrders: (deliveryId: string) => Promise<void>;
  readonly paymentStore: Pick<PaymentStore, 'get' | 'settle'>;
  readonly clock: Clock;
  /** Records that the national portal lags and queues a push (national-portal module). */
  readonly portalPushRequests: PortalPushRequestDeps;
  /** The finance book and exceptions queue (finance module); absent in tests that do not exercise it. */
  readonly financeStore?: FinanceStore;
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
 * What follows a dossier event once applied, in this order. A new reaction (a notice to the
 * citizen, a push to the national portal) is one more entry here and nothing else: the consumer runs
 * the list it is given.
 */
export function dossierReactions(deps: ReactionDeps): DossierReaction[] {
  return [postalOrderReaction(deps), unwantedPaymentReaction(deps), nationalPortalReaction(deps), ...(deps.financeStore ? [financeReaction({ paymentStore: deps.paymentStore, clock: deps.clock, financeStore: deps.financeStore })] : [])];
}
