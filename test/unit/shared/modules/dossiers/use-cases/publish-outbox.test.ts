import { describe, expect, it } from 'vitest';
import { publishOutboxRecords, type OutboxRecord } from '../../../../../../shared/modules/dossiers/use-cases/publish-outbox';
import { DossierEventsNotSentError } from '../../../../../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/domain/events';
import { event } from '../../../../../support/dossiers';

const records = (n: number): OutboxRecord[] =>
  Array.from({ length: n }, (_, i) => ({ sequenceNumber: String(100 + i), event: { ...event('SupplementReceived', {}), id: `e${i}` } }));

/** A publisher that records what it was given and fails as told. */
function publisher(fail?: (events: readonly DossierEvent[]) => Error | undefined) {
  const sent: string[][] = [];
  return {
    sent,
    publish: async (events: readonly DossierEvent[]) => {
      sent.push(events.map((e) => e.id));
      const error = fail?.(events);
      if (error) throw error;
    },
  };
}

describe('Use case: publishOutboxRecords', () => {
  it('publishes every event in stream order and reports no failure', async () => {
    const p = publisher();
    expect(await publishOutboxRecords(p, records(3))).toBeUndefined();
    expect(p.sent).toEqual([['e0', 'e1', 'e2']]);
  });

  it('reports the first record whose event SQS did not take (the event source retries from it)', async () => {
    const p = publisher(() => new DossierEventsNotSentError(['e2', 'e3'], 'refused'));
    expect(await publishOutboxRecords(p, records(4))).toBe('102');
  });

  it('reports the first record when the publisher names no event (nothing is known to be sent)', async () => {
    const p = publisher(() => new Error('network down'));
    expect(await publishOutboxRecords(p, records(3))).toBe('100');
  });

  it('publishes the records before an unreadable row and reports the row (it goes to the failure queue after the retries)', async () => {
    const batch: OutboxRecord[] = [...records(2), { sequenceNumber: '200', event: new Error('not an event') }, ...records(1)];
    const p = publisher();
    expect(await publishOutboxRecords(p, batch)).toBe('200');
    expect(p.sent).toEqual([['e0', 'e1']]);
  });

  it('reports an unreadable first record without calling the publisher', async () => {
    const p = publisher();
    expect(await publishOutboxRecords(p, [{ sequenceNumber: '7', event: new Error('bad') }])).toBe('7');
    expect(p.sent).toEqual([]);
  });

  it('has nothing to do for an empty batch', async () => {
    const p = publisher();
    expect(await publishOutboxRecords(p, [])).toBeUndefined();
    expect(p.sent).toEqual([]);
  });
});
