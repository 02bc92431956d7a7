import { describe, expect, it } from 'vitest';
import type { DossierEventPublisher, Outbox, OutboxEntry } from '../../../../../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/api/dossier-events';
import { DEFAULT_RELAY_SETTINGS, nextAttemptAt, publishQueued, relayOutbox } from '../../../../../../shared/modules/dossiers/use-cases/relay-outbox';
import { event, T0 } from '../../../../../support/dossiers';

/** An outbox as the table keeps it: rows due at an instant, parked rows out of the index. */
class FakeOutbox implements Outbox {
  readonly rows = new Map<string, { event: DossierEvent; attempts: number; dueAt: Date | undefined }>();

  add(e: DossierEvent, dueAt = new Date(e.occurredAt)): void {
    this.rows.set(e.id, { event: e, attempts: 0, dueAt });
  }

  async due(dueBefore: Date, limit: number): Promise<readonly OutboxEntry[]> {
    return [...this.rows.values()]
      .filter((r) => r.dueAt !== undefined && r.dueAt < dueBefore)
      .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())
      .slice(0, limit)
      .map(({ event, attempts }) => ({ event, attempts }));
  }

  async reschedule(entry: OutboxEntry, nextAt: Date | undefined): Promise<void> {
    const row = this.rows.get(entry.event.id);
    if (!row || row.attempts !== entry.attempts) return;
    row.attempts++;
    row.dueAt = nextAt;
  }
}

class RecordingPublisher implements DossierEventPublisher {
  readonly sent: string[] = [];
  async publish(events: readonly DossierEvent[]): Promise<void> {
    this.sent.push(...events.map((e) => e.id));
  }
}

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const paid = () => event('PaymentSucceeded', { paymentId: 'p1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });

describe('publishQueued', () => {
  it('sends and leaves the rows to the consumer (nothing to clear), and swallows a failed send', async () => {
    const publisher = new RecordingPublisher();
    const e = paid();
    await publishQueued(publisher, [e]);
    expect(publisher.sent).toEqual([e.id]);
    await expect(publishQueued({ publish: async () => Promise.reject(new Error('queue down')) }, [e])).resolves.toBeUndefined();
  });
});

describe('relayOutbox', () => {
  it('re-sends only rows past their grace, and keeps them in the outbox until applied', async () => {
    const outbox = new FakeOutbox();
    const old = paid();
    const fresh = { ...paid(), occurredAt: minutes(10).toISOString() };
    outbox.add(old);
    outbox.add(fresh);
    const publisher = new RecordingPublisher();
    expect(await relayOutbox(outbox, publisher, new Date(minutes(10).getTime() + 10_000))).toBe(1);
    expect(publisher.sent).toEqual([old.id]);
    expect(outbox.rows.get(old.id)).toMatchObject({ attempts: 1, dueAt: new Date(minutes(10).getTime() + 10_000 + 60_000) });
  });

  it('backs off exponentially per row: a row that never applies is sent a bounded number of times, then parked', async () => {
    const outbox = new FakeOutbox();
    const stuck = paid();
    outbox.add(stuck);
    const publisher = new RecordingPublisher();
    // The relay runs every minute for three days.
    for (let minute = 1; minute <= 3 * 24 * 60; minute++) await relayOutbox(outbox, publisher, minutes(minute));
    expect(publisher.sent).toHaveLength(DEFAULT_RELAY_SETTINGS.maxAttempts);
    expect(outbox.rows.get(stuck.id)).toMatchObject({ attempts: DEFAULT_RELAY_SETTINGS.maxAttempts, dueAt: undefined });
  });

  it('goes through a backlog larger than one page in one run and stops', async () => {
    const outbox = new FakeOutbox();
    for (let i = 0; i < 250; i++) outbox.add({ ...paid(), id: `event-${String(i).padStart(4, '0')}` });
    const publisher = new RecordingPublisher();
    expect(await relayOutbox(outbox, publisher, minutes(5))).toBe(250);
    expect(new Set(publisher.sent).size).toBe(250);
    expect(await relayOutbox(outbox, publisher, minutes(5))).toBe(0);
  });

  it('counts no attempt when the send fails: the row is due again at the next run', async () => {
    const outbox = new FakeOutbox();
    const e = paid();
    outbox.add(e);
    await expect(relayOutbox(outbox, { publish: async () => Promise.reject(new Error('queue down')) }, minutes(5))).rejects.toThrow('queue down');
    expect(outbox.rows.get(e.id)?.attempts).toBe(0);
  });
});

describe('nextAttemptAt', () => {
  it('doubles from the base delay, caps it, and parks after maxAttempts', () => {
    const s = { graceMs: 0, baseDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 5 };
    const at = (n: number) => nextAttemptAt(n, T0, s)?.getTime() ?? 'parked';
    expect([1, 2, 3, 4, 5].map(at)).toEqual([T0.getTime() + 1_000, T0.getTime() + 2_000, T0.getTime() + 4_000, T0.getTime() + 5_000, 'parked']);
  });
});
