import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { base } from '../../shared/app/container/base';
import { dossierEvents } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { MainTable, Streams } from '../../shared/platform/config/resources';
import { selectedBy } from '../../shared/platform/dynamodb/stream-records';
import { DossierEventSchema } from '../../shared/modules/dossiers/api/dossier-events';
import { publishOutboxRecords, type OutboxRecord } from '../../shared/modules/dossiers/use-cases/publish-outbox';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierEvents] as const;
type Deps = ContainerOf<typeof parts>;

const { filter } = Streams.dossierOutbox;

/** The event of an outbox row's new image, or the reason it has none (a row no writer of ours made). */
function outboxRecord(record: DynamoDBRecord): OutboxRecord {
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
  try {
    const row = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
    return { sequenceNumber, event: DossierEventSchema.parse(row.event) };
  } catch (error) {
    return { sequenceNumber, event: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * The table's stream is the dossier events' publication: an outbox row written with a state change
 * (its insert, or its re-emission) becomes a message on the FIFO queue. The event source already
 * selects those records; the same filter here keeps any other record out should it be widened.
 */
export const makeHandler = (container: Deps) => async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records.filter((r) => selectedBy(filter, MainTable.sortKey.name, r)).map(outboxRecord);
  for (const r of records) if (r.event instanceof Error) logger.error('outbox row without a readable event', { sequenceNumber: r.sequenceNumber, error: r.event.message });
  const failedAt = await publishOutboxRecords(container.dossierEvents, records);
  if (failedAt !== undefined) logger.warn('dossier events not published: the event source retries from this record', { sequenceNumber: failedAt });
  return { batchItemFailures: failedAt === undefined ? [] : [{ itemIdentifier: failedAt }] };
};

export const handler = lazyHandler(makeHandler, parts);
