import { describe, expect, it } from 'vitest';
import type { AppliedEvent } from '../../../../../../shared/modules/dossiers/ports';
import { applyEventToDossier } from '../../../../../../shared/modules/dossiers/use-cases/apply-dossier-events';
import { ReactionsFailedError } from '../../../../../../shared/modules/dossiers/reactions';
import { DomainError, NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { RetryableWriteConflict } from '../../../../../../shared/platform/dynamodb/optimistic';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { flakyReaction, recordingNoticeReaction } from '../../../../../fakes/dossier-reactions';

const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };
const noWait = { attempts: 3, baseDelayMs: 0 };
const payment = (amount = 5_000) => event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount, paidAt: T0.toISOString() });
const resultReady = () => event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() });

/** Another writer moves the dossier between our read and our write, `times` times. */
class RacedStore extends InMemoryDossierStore {
  constructor(private times: number) {
    super();
  }
  override async applyEvent(write: AppliedEvent): Promise<void> {
    if (this.times-- > 0) {
      const current = this.dossiers.get(write.before.dossierNo)!;
      this.dossiers.set(current.dossierNo, { ...current, version: current.version + 1 });
    }
    return super.applyEvent(write);
  }
}

/** The same event's other delivery is applied by another consumer just before this one writes. */
class SameEventRacedStore extends InMemoryDossierStore {
  private raced = false;
  override async applyEvent(write: AppliedEvent): Promise<void> {
    if (!this.raced) {
      this.raced = true;
      await super.applyEvent(write);
    }
    return super.applyEvent(write);
  }
}

describe('Use case: applyEventToDossier', () => {
  it('applies an event once, with its KPI increments, and leaves its outbox row to its TTL', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(5_000));
    const paid = payment();
    await store.enqueue([paid]);

    // Act
    const outcome = await applyEventToDossier(store, clock, paid);

    // Assess
    expect(outcome).toBe('applied');
    expect(await store.get('H31-0001')).toMatchObject({ status: 'PROCESSING', amountDue: 0, version: 2 });
    expect((await store.counts('HP-PX', '2026-03')).paidOnline).toBe(1);
    expect(store.outboxIds()).toEqual([paid.id]);
  });

  it('counts a registration once: its id is kept on the dossier, so a redelivery weeks later is a duplicate', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(5_000));
    const registered = event('DossierRegistered', { channel: 'online', feesTotal: 5_000 });

    // Act
    const first = await applyEventToDossier(store, clock, registered);
    const later = await applyEventToDossier(store, { now: () => new Date(T0.getTime() + 40 * 24 * 3_600_000) }, registered);

    // Assess
    expect([first, later]).toEqual(['applied', 'duplicate']);
    expect(await store.get('H31-0001')).toMatchObject({ status: 'AWAITING_PAYMENT', version: 2, appliedEventIds: [registered.id] });
    expect((await store.counts('HP-PX', '2026-03')).dossiers).toBe(1);
    expect(store.applied).toHaveLength(1);
  });

  it('applies an event delivered twice at once exactly once: the loser of the version race finds it recorded', async () => {
    // Prepare: the other delivery of the same event commits between this one's read and write.
    const store = new SameEventRacedStore().add(dossierOwing(5_000));
    const paid = payment();

    // Act
    const outcome = await applyEventToDossier(store, clock, paid, [], noWait);

    // Assess
    expect(outcome).toBe('duplicate');
    expect(store.applied).toHaveLength(1);
    expect((await store.get('H31-0001'))!.payments).toHaveLength(1);
    expect((await store.counts('HP-PX', '2026-03')).paidOnline).toBe(1);
  });

  it('records an event not valid in the state it finds, and answers a redelivery as a duplicate', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(5_000));
    const early = resultReady();

    // Act
    const first = await applyEventToDossier(store, clock, early);
    const again = await applyEventToDossier(store, clock, early);

    // Assess
    expect([first, again]).toEqual(['recorded', 'duplicate']);
    const dossier = await store.get('H31-0001');
    expect(dossier).toMatchObject({ status: 'AWAITING_PAYMENT', version: 2 });
    expect(dossier!.timeline.at(-1)).toMatchObject({ cause: 'ResultReady', applied: false });
  });

  it('refuses an event for an unknown dossier (not acknowledged: it goes to the DLQ)', async () => {
    await expect(applyEventToDossier(new InMemoryDossierStore(), clock, payment())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads again and applies to the fresh state when another writer moved the dossier meanwhile', async () => {
    // Prepare
    const store = new RacedStore(1).add(dossierOwing(5_000));

    // Act
    const outcome = await applyEventToDossier(store, clock, payment(), [], noWait);

    // Assess
    expect(outcome).toBe('applied');
    expect(store.applied).toHaveLength(1);
    expect(store.applied[0]!.before.version).toBe(2);
    expect(await store.get('H31-0001')).toMatchObject({ status: 'PROCESSING', version: 3 });
  });

  it('lets a conflict that outlasts the retries escape as a retry signal, not a domain error (a 500, never a 409)', async () => {
    // Prepare
    const store = new RacedStore(Number.POSITIVE_INFINITY).add(dossierOwing(5_000));

    // Act
    const failure = await applyEventToDossier(store, clock, payment(), [], noWait).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(RetryableWriteConflict);
    expect(failure).not.toBeInstanceOf(DomainError);
    expect(store.applied).toHaveLength(0);
  });
});

describe('Use case: applyEventToDossier with reactions', () => {
  it('runs a reaction once per applied event that calls for it, on the dossier as written', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add({ ...dossierOwing(0) });
    const notice = recordingNoticeReaction('ResultReady');
    const ready = resultReady();
    const supplement = event('SupplementRequested', { reason: 'missing page' });

    // Act
    await applyEventToDossier(store, clock, ready, [notice.reaction]);
    await applyEventToDossier(store, clock, supplement, [notice.reaction]);

    // Assess
    expect(notice.runs).toEqual([{ eventId: ready.id, status: 'RESULT_READY' }]);
  });

  it('runs it again when the event is redelivered, on the dossier as it is now', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(0));
    const notice = recordingNoticeReaction('ResultReady');
    const ready = resultReady();
    await applyEventToDossier(store, clock, ready, [notice.reaction]);

    // Act
    const outcome = await applyEventToDossier(store, clock, ready, [notice.reaction]);

    // Assess
    expect(outcome).toBe('duplicate');
    expect(notice.runs.map((r) => r.eventId)).toEqual([ready.id, ready.id]);
    expect(store.applied).toHaveLength(1);
  });

  it('fails the message when a reaction fails, keeps the write, runs the others, and re-runs them all on redelivery', async () => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(0));
    const flaky = flakyReaction(1);
    const notice = recordingNoticeReaction('ResultReady');
    const ready = resultReady();

    // Act
    const failure = await applyEventToDossier(store, clock, ready, [flaky.reaction, notice.reaction]).catch((e: unknown) => e);
    const redelivery = await applyEventToDossier(store, clock, ready, [flaky.reaction, notice.reaction]);

    // Assess
    expect(failure).toBeInstanceOf(ReactionsFailedError);
    expect((failure as ReactionsFailedError).failures.map((f) => f.reaction)).toEqual(['flaky-partner']);
    expect(redelivery).toBe('duplicate');
    expect(flaky.calls()).toBe(2);
    expect(notice.runs).toHaveLength(2);
    expect(store.applied).toHaveLength(1);
    expect((await store.get('H31-0001'))!.status).toBe('RESULT_READY');
  });
});
