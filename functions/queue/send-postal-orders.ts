import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/platform/api/zod';
import { base } from '../../shared/app/container/base';
import { sqs } from '../../shared/app/container/sqs';
import { deliveries, postalService } from '../../shared/app/container/deliveries';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { PostalServiceError } from '../../shared/modules/deliveries/carrier-port';
import { sendPostalOrder } from '../../shared/modules/deliveries/use-cases/deliveries';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, sqs, deliveries, postalService] as const;
type Deps = ContainerOf<typeof parts>;

const MessageSchema = z.strictObject({ deliveryId: z.string().check(z.minLength(1)) });

/** Exponential backoff through the message's visibility: 30 s, 60 s, 120 s … up to 15 minutes (base configurable). */
async function backOff(container: Deps, record: SQSRecord): Promise<void> {
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const base = container.postalOrderBackoffBaseSeconds;
  const seconds = Math.min(900, base * 2 ** (receives - 1));
  await container.sqsClient
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: container.queueUrl('postalOrders'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch(() => undefined);
}

async function orderRecord(container: Deps, record: SQSRecord): Promise<void> {
  const { deliveryId } = MessageSchema.parse(JSON.parse(record.body));
  try {
    const outcome = await sendPostalOrder({ ...container.deliveryDeps, postal: await container.postalService }, deliveryId);
    logger.info('postal order', { deliveryId, outcome });
  } catch (error) {
    // The carrier is down or refused: retried with backoff, then the DLQ keeps it for a person.
    if (error instanceof PostalServiceError) await backOff(container, record);
    throw error;
  }
}

export function makeHandler(container: Deps) {
  // One processor per handler: it keeps the state of the batch in progress.
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => orderRecord(container, record), processor, { context, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
