import { describe, expect, it } from 'vitest';
import { planNotice, wasApplied, RESULT_ROUTES } from '../../../../../../shared/modules/notifications/domain/plan';
import { renderNotice } from '../../../../../../shared/modules/notifications/domain/templates';
import type { Dossier, DossierEvent } from '../../../../../../shared/modules/dossiers';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';

const context = { payAgainUrl: (no: string) => `https://dichvucong.haiphong.gov.vn/ho-so/${no}/thanh-toan`, trackingNumber: 'EE900000001VN' };
const dossier = (overrides: Partial<Dossier> = {}): Dossier => ({ ...dossierOwing(0), ...overrides });
const delivery = { deliveryId: 'dl-1', status: 'ORDER_CREATED', postage: 30_000, postagePayer: 'prepaid' as const };

describe('Which events notify, with what', () => {
  it.each([
    ['payment received', dossier(), event('PaymentSucceeded', { paymentId: 'p1', provider: 'vnpay', amount: 205_000, paidAt: T0.toISOString() }), 'payment_received', { so_tien: '205.000' }],
    ['payment failed', dossier(), event('PaymentFailed', { paymentId: 'p1', reason: 'expired' }), 'payment_failed', { lien_ket: 'https://dichvucong.haiphong.gov.vn/ho-so/H31-0001/thanh-toan' }],
    ['supplement requested', dossier(), event('SupplementRequested', { reason: 'thiếu bản sao CCCD của ông Nguyễn Văn A' }), 'supplement_requested', {}],
    ['electronic result', dossier(), event('ResultReady', { kind: 'electronic', issuedAt: T0.toISOString() }), 'result_ready', { cach_nhan: RESULT_ROUTES.electronic }],
    ['paper result by post', dossier({ delivery }), event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() }), 'result_ready', { cach_nhan: RESULT_ROUTES.postal }],
    ['paper result at the counter', dossier(), event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() }), 'result_ready', { cach_nhan: RESULT_ROUTES.counter }],
    ['parcel handed to the post', dossier({ delivery }), event('DeliveryStatusChanged', { deliveryId: 'dl-1', status: 'PICKED_UP' }), 'parcel_handed_over', { ma_buu_gui: 'EE900000001VN' }],
    ['failed attempt', dossier({ delivery }), event('DeliveryStatusChanged', { deliveryId: 'dl-1', status: 'ATTEMPT_FAILED', reason: 'absent_after_invitations' }), 'delivery_attempt_failed', { ly_do: 'Vắng mặt sau các lần mời' }],
    ['returned to the agency', dossier({ delivery }), event('DeliveryStatusChanged', { deliveryId: 'dl-1', status: 'RETURNED_TO_AGENCY' }), 'returned_to_agency', {}],
    ['delivered', dossier({ delivery }), event('DeliveryStatusChanged', { deliveryId: 'dl-1', status: 'DELIVERED' }), 'delivered', {}],
  ] as [string, Dossier, DossierEvent, string, Record<string, string>][])('%s', (_case, d, e, kind, params) => {
    const request = planNotice(d, e, context)!;
    expect(request.kind).toBe(kind);
    expect(request.params).toMatchObject({ ma_ho_so: d.dossierNo, ...params });
    // Within the ZNS limits, and nothing personal beyond the name (not the supplement's reason, not the phone).
    const rendered = renderNotice(request.kind, request.params);
    expect(rendered.text).not.toContain('CCCD');
    expect(rendered.text).not.toContain(d.applicant.phone.slice(-6));
  });

  it.each([
    ['in transit', event('DeliveryStatusChanged', { deliveryId: 'dl-1', status: 'IN_TRANSIT' })],
    ['registered', event('DossierRegistered', { channel: 'online', feesTotal: 0 })],
  ] as [string, DossierEvent][])('%s → no notice', (_case, e) => {
    expect(planNotice(dossier({ delivery }), e, context)).toBeUndefined();
  });

  it('money flagged for refund review is not thanked for; an event only recorded (not applied) notifies nothing', () => {
    const e = event('PaymentSucceeded', { paymentId: 'p1', provider: 'vnpay', amount: 1, paidAt: T0.toISOString() });
    const refund = dossier({ payments: [{ paymentId: 'p1', provider: 'vnpay', amount: 1, status: 'succeeded', refundReview: true }] });
    expect(planNotice(refund, e, context)).toBeUndefined();
    const d = dossier({ timeline: [{ at: T0.toISOString(), from: 'PROCESSING', to: 'PROCESSING', cause: 'PaymentSucceeded', eventId: e.id, applied: false }] });
    expect(wasApplied(d, e)).toBe(false);
    expect(wasApplied(dossier({ timeline: [{ ...d.timeline[0]!, applied: true }] }), e)).toBe(true);
  });
});
