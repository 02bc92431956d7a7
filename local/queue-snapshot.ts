import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FauxqsServer } from 'fauxqs';

/**
 * The queue emulator keeps messages in memory only. So that a restart of the local runtime loses no
 * queued work, unprocessed messages are written to the data folder (at shutdown, and every few
 * hundred milliseconds while running, so a SIGKILL loses at most that last moment) and sent again
 * at start-up (receive counts restart, as after a redrive; a message consumed since the last save is
 * sent again, which every consumer tolerates: each is idempotent). Dossier events are saved at once:
 * the table's stream source saves the snapshot before it checkpoints a batch it sent, since the
 * stream does not send a checkpointed record again.
 */
interface SavedMessage {
  readonly body: string;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  readonly attributes: Record<string, { DataType: string; StringValue?: string }>;
}

const FILE = 'queued-messages.json';

function snapshotOf(server: FauxqsServer, queueNames: readonly string[]): { snapshot: Record<string, SavedMessage[]>; count: number } {
  const snapshot: Record<string, SavedMessage[]> = {};
  let count = 0;
  for (const name of queueNames) {
    const queue = server.inspectQueue(name);
    if (!queue) continue;
    const messages = [...queue.messages.ready, ...queue.messages.delayed, ...queue.messages.inflight.map((i) => i.message)];
    snapshot[name] = messages.map((m) => ({
      body: m.body,
      ...(m.messageGroupId ? { groupId: m.messageGroupId } : {}),
      ...(m.messageDeduplicationId ? { deduplicationId: m.messageDeduplicationId } : {}),
      attributes: m.messageAttributes,
    }));
    count += messages.length;
  }
  return { snapshot, count };
}

/** Written whole to a temporary file and renamed: a kill mid-write leaves the previous snapshot. */
function write(dataDir: string, json: string): void {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, json);
  renameSync(`${file}.tmp`, file);
}

export function saveQueueSnapshot(server: FauxqsServer, queueNames: readonly string[], dataDir: string): number {
  const { snapshot, count } = snapshotOf(server, queueNames);
  write(dataDir, JSON.stringify(snapshot));
  return count;
}

/**
 * Saves the queues every `intervalMs` when they changed, until the returned function is called
 * (which saves a last time, for a clean stop).
 */
export function keepQueueSnapshot(server: FauxqsServer, queueNames: readonly string[], dataDir: string, intervalMs = 250): () => void {
  let last = '';
  const save = () => {
    const json = JSON.stringify(snapshotOf(server, queueNames).snapshot);
    if (json === last) return;
    write(dataDir, json);
    last = json;
  };
  const timer = setInterval(() => {
    try {
      save();
    } catch (error) {
      console.error('[local runtime] queue snapshot not saved', error);
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    save();
  };
}

export async function restoreQueueSnapshot(client: SQSClient, urls: Record<string, string>, dataDir: string): Promise<number> {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return 0;
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SavedMessage[]>;
  let count = 0;
  for (const [name, messages] of Object.entries(snapshot)) {
    const url = urls[name];
    if (!url) continue;
    for (let i = 0; i < messages.length; i += 10) {
      const entries = messages.slice(i, i + 10).map((m, j) => ({
        Id: String(j),
        MessageBody: m.body,
        ...(m.groupId ? { MessageGroupId: m.groupId } : {}),
        ...(m.deduplicationId ? { MessageDeduplicationId: m.deduplicationId } : {}),
        ...(Object.keys(m.attributes).length > 0 ? { MessageAttributes: m.attributes } : {}),
      }));
      await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      count += entries.length;
    }
  }
  // The file stays as it is: the running keeper overwrites it with what is queued from now on.
  return count;
}
