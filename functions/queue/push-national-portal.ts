import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/platform/api/zod';
import { base } from '../../shared/app/container/base';
import { sqs } from '../../shared/app/container/sqs';
import { nationalPortal } from '../../shared/app/container/national-portal';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { Queues } from '../../shared/platform/config/resources';
import { logger } from '../../shared/platform/observability/logger';
import { pushDossier } from '../../shared/modules/national-portal/use-cases/sync';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, sqs, nationalPortal] as const;
type Deps = ContainerOf<typeof parts>;

const MessageSchema = z.strictObject({ dossierNo: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Exponential backoff through the message's visibility: base, 2×base … up to 15 minutes. */
async function backOff(container: Deps, record: SQSRecord, receives: number): Promise<void> {
  const seconds = Math.min(900, container.portalPushBackoffBaseSeconds * 2 ** (receives - 1));
  await container.sqsClient
    .send(new ChangeMessageVisibilityCommand({ QueueUrl: container.queueUrl('nationalPortalSync'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }))
    .catch(() => undefined);
}

async function pushRecord(container: Deps, record: SQSRecord): Promise<void> {
  // An unreadable message fails on every receive and reaches the DLQ: nothing to push.
  const { dossierNo } = MessageSchema.parse(JSON.parse(record.body));
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  // The queue's redrive policy moves the message to the DLQ after this receive: the state says "failed".
  const final = receives >= maxReceives(container);
  try {
    const outcome = await pushDossier(await container.portalPushDeps, dossierNo, { final });
    logger.info('national portal push', { dossierNo, outcome, receives });
  } catch (error) {
    // The name and code only: the portal's message may echo the applicant's data.
    logger.warn('national portal push failed', { dossierNo, receives, final, error: error instanceof Error ? error.name : 'unknown', code: (error as { code?: unknown }).code });
    if (!final) await backOff(container, record, receives);
    throw error;
  }
}

/** The redrive policy's count: NATIONAL_PORTAL_SYNC_MAX_RECEIVES when the queue was made with another (local tests). */
function maxReceives(container: Deps): number {
  const given = Number(container.settings.values.NATIONAL_PORTAL_SYNC_MAX_RECEIVES);
  return Number.isInteger(given) && given > 0 ? given : Queues.nationalPortalSync.maxReceiveCount;
}

/**
 * The portal sync consumer. FIFO by dossier: a failing push holds up only its own dossier (its later
 * messages wait, and are coalesced into the retry, which always pushes the newest state).
 */
export function makeHandler(container: Deps) {
  const processor = new SqsFifoPartialProcessorAsync();
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => pushRecord(container, record), processor, { context, skipGroupOnError: true, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
