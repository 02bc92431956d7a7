import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dossierStore } from '../../shared/app/wiring/dossiers';
import { systemClock } from '../../shared/platform/kernel/time';
import { logger } from '../../shared/platform/observability/logger';
import { DossierEventSchema } from '../../shared/modules/dossiers/api/dossier-events';
import { applyEventToDossier } from '../../shared/modules/dossiers/use-cases/apply-dossier-events';
import { readyForPostalOrder } from '../../shared/modules/deliveries/use-cases/deliveries';
import { requestPostalOrder } from '../../shared/app/wiring/deliveries';
import { documentClient, mainTableName } from '../../shared/platform/dynamodb/client';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import { flagUnwantedPayment } from '../../shared/modules/payments/use-cases/reconcile-payments';

const processor = new SqsFifoPartialProcessorAsync();
// The store alone (not the payment adapters): this consumer never talks to a provider.
let payments: DynamoPaymentStore | undefined;

async function applyRecord(record: SQSRecord): Promise<void> {
  // An unparseable message fails here on every receive and reaches the DLQ after maxReceiveCount.
  const event = DossierEventSchema.parse(JSON.parse(record.body));
  const outcome = await applyEventToDossier(dossierStore(), systemClock, event, async (dossier) => {
    // A paper result ready for a postal return goes to the carrier. If this process dies right here,
    // the redelivered event asks again; the order is idempotent on the delivery id.
    if (readyForPostalOrder(dossier)) await requestPostalOrder(dossier.delivery!.deliveryId);
    // Money the dossier did not want (paid twice, or no longer awaiting) is flagged on the payment.
    if (event.type === 'PaymentSucceeded') {
      payments ??= new DynamoPaymentStore(documentClient(), mainTableName());
      await flagUnwantedPayment(payments, event, dossier, systemClock.now());
    }
  });
  logger.info('dossier event', { eventId: event.id, type: event.type, outcome });
}

/**
 * The dossier state machine's consumer. A failure stops only its own dossier's group for this batch
 * (later events of that dossier wait their turn); other dossiers go on.
 */
export const handler = async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, applyRecord, processor, { context, skipGroupOnError: true, throwOnFullBatchFailure: false });
