import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FauxqsServer } from 'fauxqs';

/**
 * The queue emulator keeps messages in memory only. So that a restart of the local runtime loses no
 * pending state transition, unprocessed messages are written to the data folder at shutdown and
 * sent again at start-up (receive counts restart, as after a redrive).
 */
interface SavedMessage {
  readonly body: string;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  readonly attributes: Record<string, { DataType: string; StringValue?: string }>;
}

const FILE = 'queued-messages.json';

export function saveQueueSnapshot(server: FauxqsServer, queueNames: readonly string[], dataDir: string): number {
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
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  renameSync(`${file}.tmp`, file);
  return count;
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
  writeFileSync(file, '{}');
  return count;
}
