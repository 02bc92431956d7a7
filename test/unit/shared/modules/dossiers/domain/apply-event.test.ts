import { describe, expect, it } from 'vitest';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/api/dossier-events';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';

function run(start: Dossier, events: DossierEvent[]) {
  let dossier = start;
  const kpi: Record<string, number> = {};
  const outcomes: boolean[] = [];
  for (const e of events) {
    const result = applyDossierEvent(dossier, e, T0);
    dossier = result.dossier;
    outcomes.push(result.applied);
    for (const [k, v] of Object.entries(result.kpi)) kpi[k] = (kpi[k] ?? 0) + (v ?? 0);
  }
  return { dossier, kpi, outcomes };
}

const paid = (amount: number, paymentId = 'pay-1') => event('PaymentSucceeded', { paymentId, provider: 'vnpay', amount, paidAt: T0.toISOString() });

describe('Function: applyDossierEvent', () => {
  it('starts awaiting payment when fees are owed, processing when none are', () => {
    expect(dossierOwing(5_000).status).toBe('AWAITING_PAYMENT');
    expect(dossierOwing(0).status).toBe('PROCESSING');
  });

  it('runs online submission → payment → electronic result to a level-4 completion', () => {
    const { dossier, kpi, outcomes } = run(dossierOwing(5_000), [
      event('DossierRegistered', { channel: 'online', feesTotal: 5_000 }),
      paid(5_000),
      event('ResultReady', { kind: 'electronic', issuedAt: T0.toISOString() }),
    ]);
    expect(outcomes).toEqual([true, true, true]);
    expect(dossier.status).toBe('RESULT_RETURNED');
    expect(dossier.amountDue).toBe(0);
    expect(dossier.level4).toMatchObject({ completed: true, completedAt: T0.toISOString(), paymentChannel: 'online', returnChannel: 'electronic', submissionChannel: 'online' });
    expect(kpi).toEqual({ dossiers: 1, submittedOnline: 1, withFees: 1, paidOnline: 1, resultsReturned: 1, electronicResults: 1, resultSecondsTotal: 0, level4Completed: 1 });
    expect(dossier.timeline.map((t) => `${t.from ?? '-'}>${t.to}`)).toEqual([
      '->RECEIVED', 'RECEIVED>AWAITING_PAYMENT', 'AWAITING_PAYMENT>PROCESSING', 'PROCESSING>RESULT_READY', 'RESULT_READY>RESULT_RETURNED',
    ]);
  });

  it('completes level 4 with nothing owed and a paper result delivered by post', () => {
    const { dossier, kpi } = run(dossierOwing(0), [
      event('DeliveryStatusChanged', { deliveryId: 'd1', status: 'REQUESTED' }),
      event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() }),
      event('DeliveryStatusChanged', { deliveryId: 'd1', status: 'IN_TRANSIT' }),
      event('DeliveryStatusChanged', { deliveryId: 'd1', status: 'DELIVERED' }),
    ]);
    expect(dossier.status).toBe('RESULT_RETURNED');
    expect(dossier.level4).toMatchObject({ completed: true, paymentChannel: 'none_owed', returnChannel: 'postal' });
    expect(kpi).toEqual({ postalReturnChosen: 1, delivered: 1, resultsReturned: 1, resultSecondsTotal: 0, level4Completed: 1 });
  });

  it('does not count a counter collection or a counter submission as level 4', () => {
    const counter = run(dossierOwing(0), [event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() }), event('ResultCollected', { collectedAt: T0.toISOString() })]);
    expect(counter.dossier.level4).toMatchObject({ completed: false, returnChannel: 'counter', reason: 'result collected at the counter' });
    const atCounter = run(dossierOwing(0, { channel: 'counter' }), [event('ResultReady', { kind: 'electronic', issuedAt: T0.toISOString() })]);
    expect(atCounter.dossier.level4).toMatchObject({ completed: false, reason: 'submitted by counter' });
    expect(atCounter.kpi.level4Completed).toBeUndefined();
  });

  it('keeps a returned-to-agency result ready for counter pickup with a reason', () => {
    const { dossier } = run(dossierOwing(0), [
      event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() }),
      event('DeliveryStatusChanged', { deliveryId: 'd1', status: 'RETURNED_TO_AGENCY', reason: 'absent after invitations' }),
    ]);
    expect(dossier.status).toBe('RESULT_READY');
    expect(dossier.result?.counterPickup).toEqual({ reason: 'absent after invitations' });
  });

  it('goes through a supplement request and back', () => {
    const { dossier } = run(dossierOwing(0), [event('SupplementRequested', { reason: 'missing page' }), event('SupplementReceived', {})]);
    expect(dossier.timeline.slice(-2).map((t) => t.to)).toEqual(['SUPPLEMENT_REQUESTED', 'PROCESSING']);
  });

  it.each([
    ['DossierWithdrawn', 'WITHDRAWN'],
    ['DossierRejected', 'REJECTED'],
  ] as const)('%s ends an open dossier as %s', (type, status) => {
    const { dossier } = run(dossierOwing(5_000), [event(type, { reason: 'x' } as never)]);
    expect(dossier.status).toBe(status);
  });

  it('records an event invalid in the current state on the timeline without applying it', () => {
    const start = dossierOwing(5_000);
    const { dossier, outcomes, kpi } = run(start, [event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() })]);
    expect(outcomes).toEqual([false]);
    expect(dossier.status).toBe('AWAITING_PAYMENT');
    expect(dossier.version).toBe(start.version + 1);
    expect(dossier.timeline.at(-1)).toMatchObject({ from: 'AWAITING_PAYMENT', to: 'AWAITING_PAYMENT', cause: 'ResultReady', applied: false });
    expect(kpi).toEqual({});
  });

  it('flags a payment that arrives after withdrawal for refund and never counts it as paid', () => {
    const { dossier, outcomes, kpi } = run(dossierOwing(5_000), [event('DossierWithdrawn', {}), paid(5_000)]);
    expect(outcomes).toEqual([true, false]);
    expect(dossier.payments).toEqual([expect.objectContaining({ paymentId: 'pay-1', refundReview: true })]);
    expect(kpi.paidOnline).toBeUndefined();
  });

  it('stays awaiting payment after a partial payment, and records a second payment of the same id only once', () => {
    const { dossier, outcomes } = run(dossierOwing(5_000), [paid(2_000, 'p1'), paid(2_000, 'p1'), paid(3_000, 'p2')]);
    expect(outcomes).toEqual([true, false, true]);
    expect(dossier.status).toBe('PROCESSING');
    expect(dossier.amountDue).toBe(0);
  });
});

describe('Function: applyDossierEvent — postage', () => {
  const requested = (payer: 'prepaid' | 'on_delivery', amount = 22_000) =>
    event('DeliveryStatusChanged', { deliveryId: 'd1', status: 'REQUESTED', postage: { amount, payer } });

  it('adds prepaid postage registered before payment to the amount due', () => {
    const { dossier } = run(dossierOwing(5_000), [requested('prepaid')]);
    expect(dossier.amountDue).toBe(27_000);
    expect(dossier.delivery).toEqual({ deliveryId: 'd1', status: 'REQUESTED', postage: 22_000, postagePayer: 'prepaid' });
    expect(run(dossier, [paid(27_000)]).dossier.status).toBe('PROCESSING');
  });

  it('leaves postage collected on delivery out of the amount due', () => {
    expect(run(dossierOwing(5_000), [requested('on_delivery')]).dossier.amountDue).toBe(5_000);
  });

  it('takes a separate postage payment after the fees were paid, without refund review', () => {
    const { dossier, outcomes } = run(dossierOwing(5_000), [paid(5_000, 'fees'), requested('prepaid'), paid(22_000, 'postage')]);
    expect(outcomes).toEqual([true, true, true]);
    expect(dossier).toMatchObject({ status: 'PROCESSING', amountDue: 0 });
    expect(dossier.payments.every((p) => !p.refundReview)).toBe(true);
  });
});
