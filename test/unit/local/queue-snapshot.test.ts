import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FauxqsServer } from 'fauxqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepQueueSnapshot } from '../../../local/queue-snapshot';

/** Just what the snapshot reads of the emulator: the messages of a queue. */
function emulator(messages: Array<{ body: string }>): FauxqsServer {
  return {
    inspectQueue: (name: string) =>
      name === 'postal-orders'
        ? { messages: { ready: messages.map((m) => ({ ...m, messageAttributes: {} })), delayed: [], inflight: [] } }
        : undefined,
  } as unknown as FauxqsServer;
}

const dir = mkdtempSync(join(tmpdir(), 'toantrinh-snapshot-'));
const saved = () => JSON.parse(readFileSync(join(dir, 'queued-messages.json'), 'utf8'));
afterEach(() => vi.useRealTimers());
afterEach(() => rmSync(join(dir, 'queued-messages.json'), { force: true }));

describe('keepQueueSnapshot', () => {
  it('writes what is queued while the runtime runs, so a SIGKILL (no shutdown hook) finds it on disk', () => {
    vi.useFakeTimers();
    const queued = [{ body: '{"deliveryId":"dlv_1"}' }];
    const stop = keepQueueSnapshot(emulator(queued), ['postal-orders'], dir, 250);
    vi.advanceTimersByTime(250);
    expect(saved()['postal-orders'].map((m: { body: string }) => m.body)).toEqual(['{"deliveryId":"dlv_1"}']);
    queued.push({ body: '{"deliveryId":"dlv_2"}' });
    vi.advanceTimersByTime(250);
    expect(saved()['postal-orders']).toHaveLength(2);
    queued.splice(0);
    stop(); // a clean stop saves a last time
    expect(saved()['postal-orders']).toEqual([]);
  });
});
