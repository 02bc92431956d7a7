/**
 * `npm run portal:resync -- <dossierNo>|--failed [--local]`: once the cause is fixed (the portal is
 * back, its refusal sorted out), queues a fresh push of one dossier or of every failed one, with
 * attempts starting again; `--failed` also moves the sync queue's dead letters back (they push the
 * newest state, or nothing if it is already there). In AWS: TABLE_NAME,
 * NATIONAL_PORTAL_SYNC_QUEUE_URL and NATIONAL_PORTAL_SYNC_DLQ_URL (stack outputs TableName,
 * NationalPortalSyncQueueUrl, NationalPortalSyncDlqUrl); `--local` reads the running local runtime.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deadLetterEnvVar, Queues } from '../shared/platform/config/resources';
import { redriveDeadLetters } from '../shared/platform/sqs/redrive';
import { systemClock } from '../shared/platform/kernel/time';
import { DynamoSyncStateStore } from '../shared/modules/national-portal/dynamodb';
import { sqsPortalPushRequester } from '../shared/modules/national-portal/sqs-requester';
import { resyncDossier, resyncFailed } from '../shared/modules/national-portal/use-cases/sync';
import { localCredentials, LOCAL_REGION } from '../local/emulators/credentials';
import { readRuntimeInfo } from '../local/runtime-info';
import { tableTarget } from './table-target';

const args = process.argv.slice(2);
const local = args.includes('--local');
const failed = args.includes('--failed');
const dossierNo = args.find((a) => !a.startsWith('--'));
if (!failed && !dossierNo) {
  console.error('Usage: npm run portal:resync -- <dossierNo>|--failed [--local]');
  process.exit(2);
}

const definition = Queues.nationalPortalSync;
const table = tableTarget(local);
let sqs: SQSClient;
let queueUrl: string | undefined;
let deadLetterUrl: string | undefined;
if (local) {
  const info = readRuntimeInfo(process.env.DATA_DIR ?? '.local/data');
  sqs = new SQSClient({ endpoint: info.sqsEndpoint, region: LOCAL_REGION, credentials: localCredentials });
  queueUrl = info.queues.nationalPortalSync?.url;
  deadLetterUrl = info.queues.nationalPortalSync?.deadLetterUrl;
} else {
  sqs = new SQSClient({});
  queueUrl = process.env[definition.envVar];
  deadLetterUrl = process.env[deadLetterEnvVar(definition)];
}
if (!queueUrl || !deadLetterUrl) {
  console.error(`Set ${definition.envVar} and ${deadLetterEnvVar(definition)} (or pass --local)`);
  process.exit(2);
}

const deps = {
  syncStates: new DynamoSyncStateStore(DynamoDBDocumentClient.from(table.client), table.tableName),
  requestPush: sqsPortalPushRequester(sqs, queueUrl),
  clock: systemClock,
};
if (failed) {
  // The failed states first: a redriven dead letter may push at once and take its dossier off the list.
  const dossiers = await resyncFailed(deps);
  const moved = await redriveDeadLetters(sqs, { queueUrl, deadLetterUrl, fifo: true });
  console.log(`Moved ${moved} dead letter(s) back; queued a fresh push of ${dossiers.length} failed dossier(s) (${table.where})${dossiers.length ? `: ${dossiers.join(', ')}` : ''}.`);
} else {
  const found = await resyncDossier(deps, dossierNo!);
  if (!found) {
    console.error(`Dossier ${dossierNo} has no national portal sync state (${table.where}): unknown, or no push of it was tried yet.`);
    process.exitCode = 1;
  } else {
    console.log(`Queued a fresh push of ${dossierNo} to the national portal (${table.where}).`);
  }
}
sqs.destroy();
table.client.destroy();
