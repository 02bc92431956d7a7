import { describe, expect, it } from 'vitest';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import { RetryableWriteConflict } from '../../../../../../shared/platform/dynamodb/optimistic';
import type { Payment } from '../../../../../../shared/modules/payments/domain/payment';
import type { Settlement } from '../../../../../../shared/modules/payments/ports';
import type { SettledPayments } from '../../../../../../shared/modules/payments/settled-payments-port';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/api/dossier-events';
import { flagUnwantedPayment, paymentSucceededEvent, reconcilePayments } from '../../../../../../shared/modules/payments/use-cases/reconcile-payments';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function payment(id: string, overrides: Partial<Payment> = {}): Payment {
  return {
    paymentId: id, dossierNo: 'H31-0001', citizenId: '031099012345', agencyCode: 'HP-PX', provider: 'vnpay', providerRef: `ref-${id}`,
    amount: 5_000, currency: 'VND', status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(),
    expiresAt: minutes(15).toISOString(), completedAt: minutes(1).toISOString(), providerTransactionId: '12345678', version: 2, ...overrides,
  };
}

class FakeSettled implements SettledPayments {
  constructor(public unconfirmed: Payment[]) {}
  async succeededUnconfirmed(settledBefore: Date, limit: number, after?: Payment) {
    const sorted = this.unconfirmed.filter((p) => p.completedAt! < settledBefore.toISOString()).sort((a, b) => a.paymentId.localeCompare(b.paymentId));
    const start = after ? sorted.findIndex((p) => p.paymentId === after.paymentId) + 1 : 0;
    return sorted.slice(start, start + limit);
  }
  async confirmRecordedByDossier(p: Payment) {
    this.unconfirmed = this.unconfirmed.filter((u) => u.paymentId !== p.paymentId);
  }
}

function harness(dossiers: Record<string, Dossier>, unconfirmed: Payment[], nowAt = minutes(60)) {
  const enqueued: DossierEvent[] = [];
  // The rows written are the publication: the table's stream carries each to the queue.
  const published = enqueued;
  const settled = new FakeSettled(unconfirmed);
  const deps = {
    payments: settled,
    dossiers: { get: async (no: string) => dossiers[no], enqueue: async (events: readonly DossierEvent[]) => void enqueued.push(...events) },
    clock: { now: () => nowAt },
  };
  return { deps, settled, enqueued, published };
}

const paidBy = (d: Dossier, p: Payment) => applyDossierEvent(d, paymentSucceededEvent(p), minutes(2)).dossier;

describe('reconcilePayments', () => {
  it('re-emits PaymentSucceeded under the settlement event id, through the outbox, for a paid dossier that never moved', async () => {
    const waiting = dossierOwing(5_000);
    const p = payment('pay-1');
    const { deps, enqueued, published, settled } = harness({ 'H31-0001': waiting }, [p]);
    expect(await reconcilePayments(deps, 30 * 60_000)).toEqual({ checked: 1, confirmed: 0, reemitted: 1, missingDossier: 0 });
    expect(enqueued.map((e) => e.id)).toEqual(['payment-succeeded-pay-1']);
    expect(published).toEqual(enqueued);
    expect(published[0]).toMatchObject({ type: 'PaymentSucceeded', paymentId: 'pay-1', amount: 5_000, dossierNo: 'H31-0001' });
    // Still unconfirmed: the next run looks again until the dossier records it.
    expect(settled.unconfirmed).toHaveLength(1);
  });

  it('takes payments the dossier records out of the index and re-emits nothing', async () => {
    const p = payment('pay-1');
    const { deps, published, settled } = harness({ 'H31-0001': paidBy(dossierOwing(5_000), p) }, [p]);
    expect(await reconcilePayments(deps, 30 * 60_000)).toMatchObject({ confirmed: 1, reemitted: 0 });
    expect(published).toEqual([]);
    expect(settled.unconfirmed).toEqual([]);
  });

  it('leaves payments settled within the grace to the outbox relay', async () => {
    const { deps, published } = harness({ 'H31-0001': dossierOwing(5_000) }, [payment('pay-1', { completedAt: minutes(50).toISOString() })]);
    expect(await reconcilePayments(deps, 30 * 60_000)).toMatchObject({ checked: 0, reemitted: 0 });
    expect(published).toEqual([]);
  });

  it('pages past stuck payments: 250 waiting dossiers are all re-emitted in one run', async () => {
    const dossiers: Record<string, Dossier> = {};
    const stuck = Array.from({ length: 250 }, (_, i) => {
      const no = `H31-${String(i).padStart(4, '0')}`;
      dossiers[no] = { ...dossierOwing(5_000), dossierNo: no };
      return payment(`pay-${String(i).padStart(4, '0')}`, { dossierNo: no });
    });
    const { deps, published } = harness(dossiers, stuck);
    expect(await reconcilePayments(deps, 30 * 60_000)).toMatchObject({ checked: 250, reemitted: 250 });
    expect(new Set(published.map((e) => e.id)).size).toBe(250);
  });
});

describe('flagUnwantedPayment', () => {
  function store(initial: Payment) {
    const state = { payment: initial, settlements: [] as Settlement[], conflicts: 0 };
    return {
      state,
      get: async () => state.payment,
      settle: async (s: Settlement) => {
        if (state.conflicts-- > 0) throw new RetryableWriteConflict('changed');
        state.settlements.push(s);
        state.payment = s.after;
      },
    };
  }

  it('flags a second payment the paid dossier refused, with a ledger line, once', async () => {
    const first = payment('pay-1');
    const second = payment('pay-2', { providerTransactionId: '87654321' });
    const event = paymentSucceededEvent(second);
    const after = applyDossierEvent(paidBy(dossierOwing(5_000), first), event, minutes(3)).dossier;
    const payments = store(second);
    expect(await flagUnwantedPayment(payments, event, after, minutes(3))).toBe(true);
    expect(payments.state.payment).toMatchObject({ refundReview: { at: minutes(3).toISOString() }, version: 3 });
    expect(payments.state.payment.refundReview!.reason).toContain('PROCESSING');
    expect(payments.state.settlements[0]!.ledger).toMatchObject({ paymentId: 'pay-2', kind: 'reconciliation', outcome: 'refund_review' });
    // The redelivered event runs the follow-up again: nothing more is written.
    expect(await flagUnwantedPayment(payments, event, after, minutes(4))).toBe(false);
    expect(payments.state.settlements).toHaveLength(1);
  });

  it('leaves the payment that paid the dossier alone, and retries when a callback wrote meanwhile', async () => {
    const first = payment('pay-1');
    const paid = paidBy(dossierOwing(5_000), first);
    const payments = store(first);
    expect(await flagUnwantedPayment(payments, paymentSucceededEvent(first), paid, minutes(3))).toBe(false);
    expect(payments.state.settlements).toEqual([]);

    const second = payment('pay-2');
    const event = paymentSucceededEvent(second);
    const racing = store(second);
    racing.state.conflicts = 1;
    expect(await flagUnwantedPayment(racing, event, applyDossierEvent(paid, event, minutes(3)).dossier, minutes(3))).toBe(true);
  });
});
