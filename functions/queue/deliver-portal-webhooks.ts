import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/platform/api/zod';
import { base } from '../../shared/app/container/base';
import { sqs } from '../../shared/app/container/sqs';
import { webhookSender } from '../../shared/app/container/portal-webhooks';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { deliverWebhook, WebhookGivenUpError, WebhookNotDueError } from '../../shared/modules/portal-webhooks/use-cases/deliver';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, sqs, webhookSender] as const;
type Deps = ContainerOf<typeof parts>;

// The first attempt's message carries the body (the delivery is written only with that attempt's outcome).
const MessageSchema = z.strictObject({ dossierNo: z.string().check(z.minLength(1), z.maxLength(64)), sequence: z.int().check(z.gte(1)), attempt: z.int().check(z.gte(1)), body: z.optional(z.string().check(z.minLength(2), z.maxLength(64_000))) });

/** SQS holds a received message invisible for at most 12 hours. */
const MAX_VISIBILITY_SECONDS = 43_200;

async function setVisibility(container: Deps, record: SQSRecord, seconds: number): Promise<void> {
  await container.sqsClient
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: container.queueUrl('portalWebhooks'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: Math.min(MAX_VISIBILITY_SECONDS, seconds) }))
    .catch(() => undefined);
}

async function deliverRecord(container: Deps, record: SQSRecord): Promise<void> {
  // An unreadable message fails on every receive and reaches the DLQ: nothing to deliver.
  const message = MessageSchema.parse(JSON.parse(record.body));
  const sentAt = new Date(Number(record.attributes.SentTimestamp ?? Date.now()));
  try {
    const outcome = await deliverWebhook(container.webhookDeliverDeps, message, sentAt);
    if (outcome !== 'delivered' && outcome !== 'retry_scheduled') logger.info('portal webhook message dropped', { dossierNo: message.dossierNo, sequence: message.sequence, attempt: message.attempt, outcome });
  } catch (error) {
    // Back to the queue: when the attempt is due, or at once for a given-up delivery (on its way to the DLQ).
    if (error instanceof WebhookNotDueError) await setVisibility(container, record, error.seconds);
    if (error instanceof WebhookGivenUpError) await setVisibility(container, record, 0);
    throw error;
  }
}

/**
 * The portal-webhooks consumer: one attempt per message, recorded on the delivery log. A failed
 * attempt is not a failed message (its retry is scheduled); a message fails only when it cannot be
 * processed, or on purpose once its delivery is given up, so that it reaches the DLQ.
 */
export function makeHandler(container: Deps) {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => deliverRecord(container, record), processor, { context, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
