import { base } from '../../shared/app/container/base';
import { paymentStore } from '../../shared/app/container/payments';
import { dossierStore } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { reconcilePayments, type ReconcileResult } from '../../shared/modules/payments/use-cases/reconcile-payments';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, paymentStore, dossierStore] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Every 15 minutes: succeeded payments whose dossier never recorded them get their PaymentSucceeded
 * again (same id). RECONCILE_PAYMENTS_AFTER_MINUTES [30] leaves recent ones to the outbox's stream.
 */
export const makeHandler = (container: Deps) => async (): Promise<ReconcileResult> => {
  const { paymentStore: payments, dossierStore: dossiers, clock } = container;
  const result = await reconcilePayments({ payments, dossiers, clock }, container.reconcilePaymentsAfterMs);
  if (result.reemitted > 0 || result.missingDossier > 0) logger.warn('payments reconciled with their dossiers', { ...result });
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
