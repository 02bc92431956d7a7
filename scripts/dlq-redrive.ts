/**
 * `npm run dlq:redrive -- [dossierEvents|postalOrders] [--local]`: once the cause of the failures is
 * fixed, moves the dead-letter queue's messages back to their queue. In AWS the queue URLs come from
 * the queue's environment variables (e.g. DOSSIER_EVENTS_QUEUE_URL, DOSSIER_EVENTS_DLQ_URL); `--local`
 * reads them from the running local runtime.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterEnvVar, Queues, type QueueKey } from '../shared/platform/config/resources';
import { redriveDeadLetters } from '../shared/platform/sqs/redrive';
import { localCredentials, LOCAL_REGION } from '../local/emulators/credentials';
import { readRuntimeInfo } from '../local/runtime-info';

const args = process.argv.slice(2);
const key = (args.find((a) => !a.startsWith('--')) ?? 'dossierEvents') as QueueKey;
const definition = Queues[key];
if (!definition) {
  console.error(`Unknown queue "${key}"; one of: ${Object.keys(Queues).join(', ')}`);
  process.exit(2);
}

let client: SQSClient;
let queueUrl: string | undefined;
let deadLetterUrl: string | undefined;
if (args.includes('--local')) {
  const info = readRuntimeInfo(process.env.DATA_DIR ?? '.local/data');
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
