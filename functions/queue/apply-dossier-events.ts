import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import { reactions } from '../../shared/app/container/reactions';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { DossierEventSchema } from '../../shared/modules/dossiers/api/dossier-events';
import { applyEventToDossier } from '../../shared/modules/dossiers/use-cases/apply-dossier-events';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, reactions] as const;
type Deps = ContainerOf<typeof parts>;

async function applyRecord(container: Deps, record: SQSRecord): Promise<void> {
  // An unparseable message fails here on every receive and reaches the DLQ after maxReceiveCount.
  const event = DossierEventSchema.parse(JSON.parse(record.body));
  // What follows the event (postal order, refund flag, …) is the container's list of reactions.
  const outcome = await applyEventToDossier(container.dossierStore, container.clock, event, container.dossierReactions);
  logger.info('dossier event', { eventId: event.id, type: event.type, outcome });
}

/**
 * The dossier state machine's consumer. A failure stops only its own dossier's group for this batch
 * (later events of that dossier wait their turn); other dossiers go on.
 */
export function makeHandler(container: Deps) {
  // One processor per handler: it keeps the state of the batch in progress.
  const processor = new SqsFifoPartialProcessorAsync();
  return async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => applyRecord(container, record), processor, { context, skipGroupOnError: true, throwOnFullBatchFailure: false });
}

export const handler = lazyHandler(makeHandler, parts);
