import { dossierEventPublisher, dossierStore } from '../../shared/app/wiring/dossiers';
import { documentClient, mainTableName } from '../../shared/platform/dynamodb/client';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import { integerEnv } from '../../shared/platform/config/env';
import { systemClock } from '../../shared/platform/kernel/time';
import { logger } from '../../shared/platform/observability/logger';
import { reconcilePayments, type ReconcileResult } from '../../shared/modules/payments/use-cases/reconcile-payments';

/**
 * Every 15 minutes: succeeded payments whose dossier never recorded them get their PaymentSucceeded
 * again (same id). RECONCILE_PAYMENTS_AFTER_MINUTES [30] leaves recent ones to the outbox relay.
 */
export const handler = async (): Promise<ReconcileResult> => {
  const afterMs = integerEnv('RECONCILE_PAYMENTS_AFTER_MINUTES', 30, 0) * 60_000;
  const payments = new DynamoPaymentStore(documentClient(), mainTableName());
  const result = await reconcilePayments({ payments, dossiers: dossierStore(), publisher: dossierEventPublisher(), clock: systemClock }, afterMs);
  if (result.reemitted > 0 || result.missingDossier > 0) logger.warn('payments reconciled with their dossiers', { ...result });
  return result;
};
