/**
 * `npm run dlq:redrive -- [dossierEvents|postalOrders|…|dossierOutbox] [--local]`: once the cause of
 * the failures is fixed, moves the dead-letter queue's messages back to their queue. In AWS the queue
 * URLs come from the queue's environment variables (e.g. DOSSIER_EVENTS_QUEUE_URL,
 * DOSSIER_EVENTS_DLQ_URL); `--local` reads them from the running local runtime.
 * `dossierOutbox` is the table stream's failure queue (DOSSIER_OUTBOX_FAILURES_QUEUE_URL, with
 * DOSSIER_EVENTS_QUEUE_URL and TABLE_NAME): its records point into the stream, and the events they
 * name are published again (scripts/outbox-redrive.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deadLetterEnvVar, Queues, Streams, type QueueKey, type StreamKey } from '../shared/platform/config/resources';
import { redriveDeadLetters } from '../shared/platform/sqs/redrive';
import { localCredentials, LOCAL_REGION } from '../local/emulators/credentials';
import { readRuntimeInfo } from '../local/runtime-info';
import { redriveOutboxFailures } from './outbox-redrive';

const args = process.argv.slice(2);
const key = args.find((a) => !a.startsWith('--')) ?? 'dossierEvents';
const local = args.includes('--local');
const info = local ? readRuntimeInfo(process.env.DATA_DIR ?? '.local/data') : undefined;

if (key in Streams) {
  const stream = Streams[key as StreamKey];
  const aws = info ? { region: LOCAL_REGION, credentials: localCredentials } : {};
  const sqs = new SQSClient({ ...aws, ...(info ? { endpoint: info.sqsEndpoint } : {}) });
  const streams = new DynamoDBStreamsClient({ ...aws, ...(info ? { endpoint: info.dynamoDbEndpoint } : {}) });
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ ...aws, ...(info ? { endpoint: info.dynamoDbEndpoint } : {}) }));
  const failureQueueUrl = info ? info.streamFailureQueues?.[key]?.url : process.env[stream.failureQueue.envVar];
  const queueUrl = info ? info.queues.dossierEvents?.url : process.env[Queues.dossierEvents.envVar];
  const tableName = info ? info.tableName : process.env.TABLE_NAME;
  if (!failureQueueUrl || !queueUrl || !tableName) {
    console.error(`Set ${stream.failureQueue.envVar}, ${Queues.dossierEvents.envVar} and TABLE_NAME (or pass --local)`);
    process.exit(2);
  }
  const result = await redriveOutboxFailures({ sqs, streams, documents }, { failureQueueUrl, queueUrl, tableName });
  console.log(`Re-published ${result.republished} dossier event(s) from ${result.failureRecords} failure record(s) of the ${key} stream.`);
  for (const why of result.kept) console.error(`Kept on the failure queue: ${why}`);
  for (const client of [sqs, streams, documents]) client.destroy();
  process.exit(result.kept.length > 0 ? 1 : 0);
}

const definition = Queues[key as QueueKey];
if (!definition) {
  console.error(`Unknown queue "${key}"; one of: ${[...Object.keys(Queues), ...Object.keys(Streams)].join(', ')}`);
  process.exit(2);
}

let client: SQSClient;
let queueUrl: string | undefined;
let deadLetterUrl: string | undefined;
if (info) {
  client = new SQSClient({ endpoint: info.sqsEndpoint, region: LOCAL_REGION, credentials: localCredentials });
  queueUrl = info.queues[key]?.url;
  deadLetterUrl = info.queues[key]?.deadLetterUrl;
} else {
  client = new SQSClient({});
  queueUrl = process.env[definition.envVar];
  deadLetterUrl = process.env[deadLetterEnvVar(definition)];
}
if (!queueUrl || !deadLetterUrl) {
  console.error(`Set ${definition.envVar} and ${deadLetterEnvVar(definition)} (or pass --local)`);
  process.exit(2);
}
const moved = await redriveDeadLetters(client, { queueUrl, deadLetterUrl, fifo: definition.fifo });
console.log(`Moved ${moved} message(s) from the ${key} dead-letter queue back to the queue.`);
client.destroy();
