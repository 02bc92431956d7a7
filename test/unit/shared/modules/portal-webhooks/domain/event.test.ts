import { describe, expect, it } from 'vitest';
import { portalEventId, portalEventOf } from '../../../../../../shared/modules/portal-webhooks/domain/event';
import { PortalWebhookEventSchema } from '../../../../../../shared/modules/portal-webhooks/api/schemas';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/domain/events';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const apply = (dossier: Dossier, e: DossierEvent, minutes: number) => applyDossierEvent(dossier, e, later(minutes)).dossier;

const registered = event('DossierRegistered', { channel: 'online', feesTotal: 50_000 });
const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 50_000, paidAt: later(5).toISOString() });

describe('Function: portalEventOf', () => {
  it('pushes the registration: from nothing to awaiting payment, the 2nd line of the history', () => {
    // Prepare
    const dossier = dossierOwing(50_000);
    // Act
    const pushed = portalEventOf(dossier, registered);
    // Assess
    expect(pushed).toEqual({
      id: portalEventId('H31-0001', 2),
      type: 'dossier.status_changed',
      version: 1,
      occurredAt: T0.toISOString(),
      dossierNo: 'H31-0001',
      agencyCode: 'HP-PX',
      sequence: 2,
      status: 'AWAITING_PAYMENT',
      previousStatus: null,
    });
    expect(PortalWebhookEventSchema.parse(pushed)).toEqual(pushed);
  });

  it('pushes a payment outcome with the dossier status it led to, and nothing personal', () => {
    const dossier = apply(dossierOwing(50_000), paid, 6);
    const pushed = portalEventOf(dossier, paid)!;
    expect(pushed).toMatchObject({
      type: 'payment.status_changed',
      sequence: 3,
      status: 'PROCESSING',
      previousStatus: 'AWAITING_PAYMENT',
      occurredAt: later(6).toISOString(),
      payment: { paymentId: 'pay-1', provider: 'vnpay', amount: 50_000, status: 'succeeded', paidAt: later(5).toISOString() },
    });
    const text = JSON.stringify(pushed);
    for (const personal of [dossier.applicant.fullName, dossier.applicant.citizenId, dossier.applicant.phone]) expect(text).not.toContain(personal);
    expect(PortalWebhookEventSchema.parse(pushed)).toEqual(pushed);
  });

  it('gives the same event however late the reaction runs (a redelivery after later changes)', () => {
    const first = apply(dossierOwing(50_000), paid, 6);
    const atOnce = portalEventOf(first, paid);
    const afterMore = apply(first, event('ResultReady', { kind: 'electronic', issuedAt: later(30).toISOString() }), 30);
    expect(portalEventOf(afterMore, paid)).toEqual(atOnce);
    expect(portalEventOf(afterMore, registered)).toEqual(portalEventOf(dossierOwing(50_000), registered));
  });

  it('numbers changes in history order: a later change has a higher sequence and another id', () => {
    const paidDossier = apply(dossierOwing(50_000), paid, 6);
    const ready = event('ResultReady', { kind: 'electronic', issuedAt: later(30).toISOString() });
    const done = apply(paidDossier, ready, 30);
    const pushed = portalEventOf(done, ready)!;
    // An electronic result is ready and returned at once: two lines, one push of where it ended.
    expect(pushed).toMatchObject({ type: 'dossier.status_changed', previousStatus: 'PROCESSING', status: 'RESULT_RETURNED', sequence: 5 });
    expect(pushed.id).not.toBe(portalEventOf(paidDossier, paid)!.id);
  });

  it.each([
    ['expired', 'expired'],
    ['cancelled', 'cancelled'],
    ['failed', 'failed'],
    ['declined_by_bank', 'failed'],
  ])('pushes a payment that ended %s as %s, though the dossier still awaits payment', (reason, status) => {
    const failed = event('PaymentFailed', { paymentId: 'pay-2', reason });
    const dossier = apply(dossierOwing(50_000), failed, 3);
    expect(portalEventOf(dossier, failed)).toMatchObject({ type: 'payment.status_changed', status: 'AWAITING_PAYMENT', previousStatus: 'AWAITING_PAYMENT', payment: { paymentId: 'pay-2', status } });
  });

  it('pushes money taken after the dossier stopped awaiting it, marked for refund review', () => {
    const paidDossier = apply(dossierOwing(50_000), paid, 6);
    const second = event('PaymentSucceeded', { paymentId: 'pay-3', provider: 'vietqr', amount: 50_000, paidAt: later(9).toISOString() });
    const dossier = apply(paidDossier, second, 10);
    expect(portalEventOf(dossier, second)).toMatchObject({ status: 'PROCESSING', previousStatus: 'PROCESSING', payment: { paymentId: 'pay-3', status: 'succeeded', refundReview: true } });
  });

  it('pushes nothing when neither the status nor a payment moved (a parcel in transit, a refused event, an unknown event)', () => {
    const paidDossier = apply(dossierOwing(50_000), paid, 6);
    const transit = event('DeliveryStatusChanged', { deliveryId: 'd-1', status: 'REQUESTED' });
    expect(portalEventOf(apply(paidDossier, transit, 7), transit)).toBeUndefined();
    const refused = event('SupplementReceived', {});
    expect(portalEventOf(apply(paidDossier, refused, 8), refused)).toBeUndefined();
    expect(portalEventOf(paidDossier, event('DossierRejected', { reason: 'x' }))).toBeUndefined();
  });
});
