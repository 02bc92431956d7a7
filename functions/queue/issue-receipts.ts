import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/platform/api/zod';
import { base } from '../../shared/app/container/base';
import { sqs } from '../../shared/app/container/sqs';
import { receipts } from '../../shared/app/container/receipts';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { issueAdjustingReceipt, issueDossierReceipts } from '../../shared/modules/receipts/use-cases/issue-receipts';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, sqs, receipts] as const;
type Deps = ContainerOf<typeof parts>;

const DossierNo = z.string().check(z.minLength(1), z.maxLength(64));
/** A paid dossier's receipts, or a refund's adjusting receipts (the refunds module sends those). */
const MessageSchema = z.union([
  z.strictObject({ dossierNo: DossierNo, paymentId: z.optional(z.string().check(z.minLength(1))) }),
  z.strictObject({
    dossierNo: DossierNo,
    refund: z.strictObject({
      refundId: z.string().check(z.minLength(1), z.maxLength(64)),
      dossierNo: DossierNo,
      amount: z.int().check(z.positive()),
      lines: z.optional(z.array(z.strictObject({ kind: z.enum(['fee', 'charge']), amount: z.int().check(z.positive()) }))),
    }),
  }),
]);

/** Exponential backoff through the message's visibility: 30 s, 60 s, 120 s … up to 15 minutes (base configurable). */
async function backOff(container: Deps, record: SQSRecord): Promise<void> {
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const seconds = Math.min(900, container.receiptBackoffBaseSeconds * 2 ** (receives - 1));
  await container.sqsClient
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: container.queueUrl('receiptIssuance'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch(() => undefined);
}

async function issueRecord(container: Deps, record: SQSRecord): Promise<void> {
  const message = MessageSchema.parse(JSON.parse(record.body));
  try {
    const deps = await container.receiptDeps;
    if ('refund' in message) {
      const done = await issueAdjustingReceipt(deps, message.refund);
      logger.info('adjusting receipts', { dossierNo: message.dossierNo, refundId: message.refund.refundId, receipts: done.map((r) => ({ receiptId: r.receiptId, status: r.status })) });
    } else {
      const result = await issueDossierReceipts(deps, message.dossierNo, message.paymentId);
      logger.info('receipts', { dossierNo: message.dossierNo, ...result });
    }
  } catch (error) {
    // The provider is down, a number race was lost too often, or a setting is wrong: retried with
    // backoff, then the DLQ (and its alarm) keeps the message for a person.
    await backOff(container, record);
    throw error;
  }
}

export function makeHandler(container: Deps) {
  // One processor per handler: it keeps the state of the batch in progress.
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => issueRecord(container, record), processor, { context, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
