import type { DossierEvent, DossierEventOf } from './events';
import { amountOwed, type Dossier, type ReturnChannel, type TimelineEntry } from './dossier';
import { resultReturnedKpi, type KpiIncrements } from './kpi';
import { level4Completion } from './level4';
import { acceptsCause, assertTransition, isAllowed, type TransitionCause } from './transitions';
import type { DossierStatus } from './status';

export interface ApplyResult {
  /** The next state; equal to the input (same version) when the event leaves the dossier as it was. */
  readonly dossier: Dossier;
  /** false: the event was not valid in the state it found, and is only recorded on the timeline. */
  readonly applied: boolean;
  readonly kpi: KpiIncrements;
}

class Step {
  constructor(
    public dossier: Dossier,
    private readonly event: DossierEvent,
    private readonly at: string,
    public kpi: KpiIncrements = {},
  ) {}

  private entry(from: DossierStatus, to: DossierStatus, cause: TransitionCause, applied: boolean, note?: string): TimelineEntry {
    return { at: this.at, from, to, cause, eventId: this.event.id, applied, ...(note ? { note } : {}) };
  }

  private write(changes: Partial<Dossier>, entry: TimelineEntry): void {
    this.dossier = {
      ...this.dossier,
      ...changes,
      timeline: [...this.dossier.timeline, entry],
      version: this.dossier.version + 1,
      updatedAt: this.at,
    };
  }

  /** A status change, through the guard of the transition table. */
  move(to: DossierStatus, cause: TransitionCause, changes: Partial<Dossier> = {}, note?: string): void {
    const from = this.dossier.status;
    assertTransition(from, to, cause);
    this.write({ ...changes, status: to }, this.entry(from, to, cause, true, note));
  }

  /** An event that the table allows in this status without changing it. */
  note(cause: TransitionCause, changes: Partial<Dossier> = {}, note?: string): void {
    this.move(this.dossier.status, cause, changes, note);
  }

  /** An event not valid now: kept on the timeline, nothing else changes. */
  refuse(cause: TransitionCause, note: string, changes: Partial<Dossier> = {}): ApplyResult {
    const status = this.dossier.status;
    this.write(changes, this.entry(status, status, cause, false, note));
    return { dossier: this.dossier, applied: false, kpi: this.kpi };
  }

  done(): ApplyResult {
    return { dossier: this.dossier, applied: true, kpi: this.kpi };
  }

  returnResult(cause: TransitionCause, channel: ReturnChannel, extraKpi: KpiIncrements = {}): void {
    const result = { ...this.dossier.result!, returnedAt: this.at, returnChannel: channel };
    this.move('RESULT_RETURNED', cause, { result });
    const level4 = level4Completion(this.dossier, channel, this.at);
    this.dossier = { ...this.dossier, level4 };
    this.kpi = {
      ...this.kpi,
      ...extraKpi,
      ...resultReturnedKpi(this.dossier.submittedAt, this.at, channel === 'electronic'),
      ...(level4.completed ? { level4Completed: 1 } : {}),
    };
  }
}

function paymentSucceeded(step: Step, event: DossierEventOf<'PaymentSucceeded'>): ApplyResult {
  const d = step.dossier;
  if (d.payments.some((p) => p.paymentId === event.paymentId && p.status === 'succeeded')) {
    return step.refuse('PaymentSucceeded', `payment ${event.paymentId} already recorded`);
  }
  const record = { paymentId: event.paymentId, provider: event.provider, amount: event.amount, status: 'succeeded' as const, paidAt: event.paidAt };
  const others = d.payments.filter((p) => p.paymentId !== event.paymentId);
  if (d.status !== 'AWAITING_PAYMENT' && d.amountDue > 0 && event.amount <= d.amountDue && acceptsCause(d.status, 'PaymentSucceeded')) {
    // A separate payment of postage added after the fees were paid.
    const payments = [...others, record];
    step.note('PaymentSucceeded', { payments, amountDue: amountOwed({ ...d, payments }) }, 'postage paid');
    return step.done();
  }
  if (d.status !== 'AWAITING_PAYMENT') {
    // Money was taken although nothing was awaited: keep it on record for a refund, never as paid.
    return step.refuse('PaymentSucceeded', `payment received while ${d.status}: refund review`, {
      payments: [...others, { ...record, refundReview: true }],
    });
  }
  const payments = [...others, record];
  const amountDue = amountOwed({ ...d, payments });
  if (amountDue > 0) {
    step.note('PaymentSucceeded', { payments, amountDue }, `partly paid, ${amountDue} VND still due`);
    return step.done();
  }
  step.move('PROCESSING', 'PaymentSucceeded', { payments, amountDue });
  step.kpi = { paidOnline: 1 };
  return step.done();
}

function deliveryStatusChanged(step: Step, event: DossierEventOf<'DeliveryStatusChanged'>): ApplyResult {
  const d = step.dossier;
  const note = `delivery ${event.deliveryId}: ${event.status}${event.reason ? ` (${event.reason})` : ''}`;
  if (event.status === 'DELIVERED') {
    if (!isAllowed(d.status, 'RESULT_RETURNED', 'ResultDelivered') || d.result?.kind !== 'paper') {
      return step.refuse('ResultDelivered', `${note} while ${d.status}`);
    }
    step.returnResult('ResultDelivered', 'postal', { delivered: 1 });
    if (d.delivery) step.dossier = { ...step.dossier, delivery: { ...d.delivery, status: 'DELIVERED' } };
    return step.done();
  }
  if (!acceptsCause(d.status, 'DeliveryStatusChanged')) return step.refuse('DeliveryStatusChanged', `${note} while ${d.status}`);
  const summary = d.delivery && d.delivery.deliveryId === event.deliveryId ? { ...d.delivery, status: event.status } : d.delivery;
  if (event.status === 'RETURNED_TO_AGENCY' && d.result) {
    const reason = event.reason ?? 'the post office returned the result';
    step.note('DeliveryStatusChanged', { result: { ...d.result, counterPickup: { reason } }, ...(summary ? { delivery: summary } : {}) }, `${note}; collect at the counter`);
    return step.done();
  }
  if (event.status === 'REQUESTED' && event.postage) {
    const delivery = { deliveryId: event.deliveryId, status: 'REQUESTED', postage: event.postage.amount, postagePayer: event.postage.payer };
    const extraCharges = event.postage.payer === 'prepaid' ? d.extraCharges + event.postage.amount : d.extraCharges;
    step.note('DeliveryStatusChanged', { delivery, extraCharges, amountDue: amountOwed({ ...d, extraCharges }) }, note);
    step.kpi = { postalReturnChosen: 1 };
    return step.done();
  }
  step.note('DeliveryStatusChanged', summary ? { delivery: summary } : {}, note);
  if (event.status === 'REQUESTED') step.kpi = { postalReturnChosen: 1 };
  return step.done();
}

function simpleMove(step: Step, cause: TransitionCause, to: DossierStatus, note?: string): ApplyResult {
  if (!isAllowed(step.dossier.status, to, cause)) return step.refuse(cause, `not allowed while ${step.dossier.status}`);
  step.move(to, cause, {}, note);
  return step.done();
}

/**
 * Applies one queue event to a dossier. Pure: the caller persists the result, conditionally on the
 * version it read, together with the event's idempotency marker and the KPI increments.
 */
export function applyDossierEvent(dossier: Dossier, event: DossierEvent, now: Date): ApplyResult {
  const step = new Step(dossier, event, now.toISOString());
  switch (event.type) {
    case 'DossierRegistered':
      // The registration already wrote the first transition; the event adds the dossier to the counters.
      return {
        dossier,
        applied: true,
        kpi: { dossiers: 1, ...(event.channel === 'online' ? { submittedOnline: 1 } : {}), ...(event.feesTotal > 0 ? { withFees: 1 } : {}) },
      };
    case 'PaymentSucceeded':
      return paymentSucceeded(step, event);
    case 'PaymentFailed': {
      if (!acceptsCause(dossier.status, 'PaymentFailed')) return step.refuse('PaymentFailed', `payment ${event.paymentId} failed while ${dossier.status}`);
      const payments = dossier.payments.map((p) => (p.paymentId === event.paymentId && p.status === 'pending' ? { ...p, status: 'failed' as const } : p));
      step.note('PaymentFailed', { payments }, `payment ${event.paymentId} failed: ${event.reason}`);
      return step.done();
    }
    case 'ResultReady': {
      if (!isAllowed(dossier.status, 'RESULT_READY', 'ResultReady')) return step.refuse('ResultReady', `not allowed while ${dossier.status}`);
      const result = { kind: event.kind, issuedAt: event.issuedAt, ...(event.documentRef ? { documentRef: event.documentRef } : {}) };
      step.move('RESULT_READY', 'ResultReady', { result }, `${event.kind} result`);
      if (event.kind === 'electronic') step.returnResult('ResultIssuedElectronically', 'electronic');
      return step.done();
    }
    case 'ResultCollected': {
      if (!isAllowed(dossier.status, 'RESULT_RETURNED', 'ResultCollected')) return step.refuse('ResultCollected', `not allowed while ${dossier.status}`);
      step.returnResult('ResultCollected', 'counter');
      return step.done();
    }
    case 'DeliveryStatusChanged':
      return deliveryStatusChanged(step, event);
    case 'SupplementRequested':
      return simpleMove(step, 'SupplementRequested', 'SUPPLEMENT_REQUESTED', event.reason);
    case 'SupplementReceived':
      return simpleMove(step, 'SupplementReceived', 'PROCESSING');
    case 'DossierWithdrawn':
      return simpleMove(step, 'DossierWithdrawn', 'WITHDRAWN', event.reason);
    case 'DossierRejected':
      return simpleMove(step, 'DossierRejected', 'REJECTED', event.reason);
    case 'DossierStopped':
      return simpleMove(step, 'DossierStopped', 'STOPPED', event.reason);
  }
}
