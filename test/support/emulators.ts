import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { DynamoDossierStore } from '../../shared/modules/dossiers/dynamodb';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import { DynamoKpiStore } from '../../shared/modules/kpis/dynamodb';
import { addCounts, type KpiCounts } from '../../shared/modules/kpis/domain/counters';

export function sqs(): SQSClient {
  return new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: localCredentials });
}

export function documents(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: LOCAL_REGION, credentials: localCredentials }));
}

export function dossierStore(): DynamoDossierStore {
  return new DynamoDossierStore(documents(), inject('tableName'));
}

/** One agency's KPI counters of a month, summed from its day counters as the report does. */
export async function kpiCountsOfMonth(agencyCode: string, month: string): Promise<KpiCounts> {
  const days = await new DynamoKpiStore(documents(), inject('tableName')).agencyDays(agencyCode, `${month}-01`, `${month}-31`);
  return addCounts(...days.map((d) => d.counts));
}

/** Sends an event to the dossier FIFO queue as another component of the system would. */
export async function sendDossierEvent(client: SQSClient, event: DossierEvent, deduplicationId = event.id): Promise<void> {
  await client.send(
    new SendMessageCommand({
      QueueUrl: inject('dossierEventsQueueUrl'),
      MessageBody: JSON.stringify(event),
      MessageGroupId: event.dossierNo,
      MessageDeduplicationId: deduplicationId,
    }),
  );
}

export async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
