import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { deliveryDeps, postalService } from '../../shared/app/wiring/deliveries';
import { sqsClient } from '../../shared/platform/sqs/client';
import { requiredEnv } from '../../shared/platform/config/env';
import { Queues } from '../../shared/platform/config/resources';
import { logger } from '../../shared/platform/observability/logger';
import { PostalServiceError } from '../../shared/modules/deliveries/carrier-port';
import { sendPostalOrder } from '../../shared/modules/deliveries/use-cases/deliveries';

const processor = new BatchProcessor(EventType.SQS);
const MessageSchema = z.strictObject({ deliveryId: z.string().min(1) });

/** Exponential backoff through the message's visibility: 30 s, 60 s, 120 s … up to 15 minutes (base configurable). */
async function backOff(record: SQSRecord): Promise<void> {
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const base = Number(process.env.POSTAL_ORDER_BACKOFF_BASE_SECONDS ?? 30);
  const seconds = Math.min(900, base * 2 ** (receives - 1));
  await sqsClient()
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: requiredEnv(Queues.postalOrders.envVar), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch(() => undefined);
}

async function orderRecord(record: SQSRecord): Promise<void> {
  const { deliveryId } = MessageSchema.parse(JSON.parse(record.body));
  try {
    const outcome = await sendPostalOrder({ ...deliveryDeps(), postal: await postalService() }, deliveryId);
    logger.info('postal order', { deliveryId, outcome });
  } catch (error) {
    // The carrier is down or refused: retried with backoff, then the DLQ keeps it for a person.
    if (error instanceof PostalServiceError) await backOff(record);
    throw error;
  }
}

export const handler = async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, orderRecord, processor, { context, throwOnFullBatchFailure: false });
