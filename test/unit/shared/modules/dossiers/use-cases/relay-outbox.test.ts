import { describe, expect, it } from 'vitest';
import { DEFAULT_RELAY_SETTINGS, nextAttemptAt, publishQueued, relayOutbox } from '../../../../../../shared/modules/dossiers/use-cases/relay-outbox';
import { event, T0 } from '../../../../../support/dossiers';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { RecordingDossierPublisher } from '../../../../../fakes/dossier-publisher';

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const paid = () => event('PaymentSucceeded', { paymentId: 'p1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });

describe('publishQueued', () => {
  it('sends and leaves the rows to the consumer (nothing to clear), and swallows a failed send', async () => {
    const publisher = new RecordingDossierPublisher();
    const e = paid();
    await publishQueued(publisher, [e]);
    expect(publisher.sentIds()).toEqual([e.id]);
    await expect(publishQueued({ publish: async () => Promise.reject(new Error('queue down')) }, [e])).resolves.toBeUndefined();
  });
});

describe('relayOutbox', () => {
  it('re-sends only rows past their grace, and keeps them in the outbox until applied', async () => {
    const outbox = new InMemoryDossierStore();
    const old = paid();
    const fresh = { ...paid(), occurredAt: minutes(10).toISOString() };
    await outbox.enqueue([old]);
    await outbox.enqueue([fresh]);
    const publisher = new RecordingDossierPublisher();
    expect(await relayOutbox(outbox, publisher, new Date(minutes(10).getTime() + 10_000))).toBe(1);
    expect(publisher.sentIds()).toEqual([old.id]);
    expect(outbox.outbox.get(old.id)).toMatchObject({ attempts: 1, dueAt: new Date(minutes(10).getTime() + 10_000 + 60_000) });
  });

  it('backs off exponentially per row: a row that never applies is sent a bounded number of times, then parked', async () => {
    const outbox = new InMemoryDossierStore();
    const stuck = paid();
    await outbox.enqueue([stuck]);
    const publisher = new RecordingDossierPublisher();
    // The relay runs every minute for three days.
    for (let minute = 1; minute <= 3 * 24 * 60; minute++) await relayOutbox(outbox, publisher, minutes(minute));
    expect(publisher.sentIds()).toHaveLength(DEFAULT_RELAY_SETTINGS.maxAttempts);
    expect(outbox.outbox.get(stuck.id)).toMatchObject({ attempts: DEFAULT_RELAY_SETTINGS.maxAttempts, dueAt: undefined });
  });

  it('goes through a backlog larger than one page in one run and stops', async () => {
    const outbox = new InMemoryDossierStore();
    for (let i = 0; i < 250; i++) await outbox.enqueue([{ ...paid(), id: `event-${String(i).padStart(4, '0')}` }]);
    const publisher = new RecordingDossierPublisher();
    expect(await relayOutbox(outbox, publisher, minutes(5))).toBe(250);
    expect(new Set(publisher.sentIds()).size).toBe(250);
    expect(await relayOutbox(outbox, publisher, minutes(5))).toBe(0);
  });

  it('counts no attempt when the send fails: the row is due again at the next run', async () => {
    const outbox = new InMemoryDossierStore();
    const e = paid();
    await outbox.enqueue([e]);
    await expect(relayOutbox(outbox, { publish: async () => Promise.reject(new Error('queue down')) }, minutes(5))).rejects.toThrow('queue down');
    expect(outbox.outbox.get(e.id)?.attempts).toBe(0);
  });
});

describe('nextAttemptAt', () => {
  it('doubles from the base delay, caps it, and parks after maxAttempts', () => {
    const s = { graceMs: 0, baseDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 5 };
    const at = (n: number) => nextAttemptAt(n, T0, s)?.getTime() ?? 'parked';
    expect([1, 2, 3, 4, 5].map(at)).toEqual([T0.getTime() + 1_000, T0.getTime() + 2_000, T0.getTime() + 4_000, T0.getTime() + 5_000, 'parked']);
  });
});
