import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/platform/api/zod';
import { base } from '../../shared/app/container/base';
import { sqs } from '../../shared/app/container/sqs';
import { noticeSender } from '../../shared/app/container/notifications';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { NoticeRetryError, processNoticeMessage } from '../../shared/modules/notifications/use-cases/process-notices';
import type { Notice } from '../../shared/modules/notifications/domain/notice';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, sqs, noticeSender] as const;
type Deps = ContainerOf<typeof parts>;

const MessageSchema = z.discriminatedUnion('type', [
  // The first message carries the notice (ours, built by the reaction): the sender writes its first row.
  z.strictObject({ type: z.literal('send'), notificationId: z.string().check(z.minLength(1)), notice: z.optional(z.custom<Notice>((v) => typeof v === 'object' && v !== null && typeof (v as Notice).notificationId === 'string')) }),
  z.strictObject({ type: z.literal('check'), notificationId: z.string().check(z.minLength(1)), messageId: z.string().check(z.minLength(1)) }),
  z.strictObject({ type: z.literal('receipt'), trackingId: z.string().check(z.minLength(1)), messageId: z.string().check(z.minLength(1)), deliveredAt: z.iso.datetime() }),
]);

/** Backoff through the message's visibility: base, doubling per receive, up to 15 minutes; then the DLQ. */
async function backOff(container: Deps, record: SQSRecord): Promise<void> {
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const seconds = Math.min(900, container.noticeDeps.settings.backoffBaseSeconds * 2 ** (receives - 1));
  await container.sqsClient
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: container.queueUrl('notifications'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch(() => undefined);
}

async function processRecord(container: Deps, record: SQSRecord): Promise<void> {
  const message = MessageSchema.parse(JSON.parse(record.body));
  try {
    const outcome = await processNoticeMessage(container.noticeDeps, message);
    logger.info('notice', { type: message.type, id: 'notificationId' in message ? message.notificationId : message.trackingId, outcome });
  } catch (error) {
    if (error instanceof NoticeRetryError) await backOff(container, record);
    throw error;
  }
}

export function makeHandler(container: Deps) {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => processRecord(container, record), processor, { context, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
