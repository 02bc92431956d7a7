import { dossierEventPublisher, dossierStore } from '../../shared/adapters/dossiers';
import { documentClient, mainTableName } from '../../shared/adapters/dynamodb/client';
import { DynamoPaymentStore } from '../../shared/adapters/dynamodb/payment-store';
import { integerEnv } from '../../shared/config/env';
import { systemClock } from '../../shared/domain/time';
import { logger } from '../../shared/observability/logger';
import { reconcilePayments, type ReconcileResult } from '../../shared/use-cases/reconcile-payments';

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
