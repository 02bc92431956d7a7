import { describe, expect, it } from 'vitest';
import { InvalidStateTransitionError } from '../../../../../../shared/platform/kernel/state-machine';
import {
  causeOfReport,
  isProviderTransactionId,
  PAYMENT_STATUSES,
  PaymentMachine,
  PaymentStatuses,
  PaymentTransitions,
} from '../../../../../../shared/modules/payments/domain/payment';
import { toVnpAmount, VNPAY_MAX_AMOUNT } from '../../../../../../shared/modules/payments/providers/vnpay/protocol';

const assertPaymentTransition = PaymentMachine.assert.bind(PaymentMachine);

describe('Table: PaymentTransitions', () => {
  it.each(Object.keys(PaymentStatuses))('has %s in the table', (status) => {
    expect(PaymentTransitions.some((t) => t.from === status || t.to === status)).toBe(true);
  });

  it('leaves a terminal state never, and a final one only by the named LateSuccess bypass to succeeded', () => {
    for (const t of PaymentTransitions) {
      expect(PaymentStatuses[t.from].terminal).toBe(false);
      if (PaymentStatuses[t.from].final) expect(t).toMatchObject({ to: 'succeeded', on: 'LateSuccess' });
    }
  });

  it('marks every status but pending final, so a new payment may start after any of them', () => {
    expect(Object.entries(PaymentStatuses).filter(([, s]) => !s.final).map(([k]) => k)).toEqual(['pending']);
  });

  it.each(['expired', 'failed', 'cancelled'] as const)('records money taken after %s as a late success', (from) => {
    expect(() => assertPaymentTransition(from, 'succeeded', 'LateSuccess')).not.toThrow();
  });

  it.each([
    ['succeeded', 'failed', 'ProviderReportedFailure'],
    ['failed', 'succeeded', 'ProviderConfirmedSuccess'],
    ['expired', 'succeeded', 'ProviderConfirmedSuccess'],
    ['cancelled', 'succeeded', 'ProviderConfirmedSuccess'],
    ['succeeded', 'succeeded', 'LateSuccess'],
    ['pending', 'succeeded', 'LateSuccess'],
    ['cancelled', 'failed', 'ProviderReportedFailure'],
  ] as const)('refuses %s → %s on %s', (from, to, on) => {
    expect(() => assertPaymentTransition(from, to, on)).toThrow(InvalidStateTransitionError);
    expect(() => assertPaymentTransition(from, to, on)).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT_TRANSITION' }));
  });
});

describe('StateMachine: PaymentMachine', () => {
  it('knows exactly the statuses of the vocabulary, with succeeded the only terminal one', () => {
    expect(PaymentMachine.statuses).toEqual(Object.keys(PaymentStatuses));
    expect(PaymentMachine.statuses).toEqual(PAYMENT_STATUSES);
    expect(PaymentMachine.terminalStatuses()).toEqual(['succeeded']);
  });

  it('names LateSuccess as its only bypass, with the reason it exists', () => {
    const bypasses = PaymentMachine.bypasses();
    expect(bypasses.map((e) => `${e.from}→${e.to}`)).toEqual(['expired→succeeded', 'failed→succeeded', 'cancelled→succeeded']);
    expect(new Set(bypasses.map((e) => e.on))).toEqual(new Set(['LateSuccess']));
    expect(bypasses.every((e) => (e.bypass ?? '').length > 20)).toBe(true);
  });

  it('accepts a late success exactly in the final statuses that are not success', () => {
    expect(PaymentMachine.statusesAccepting('LateSuccess').sort()).toEqual(['cancelled', 'expired', 'failed']);
    expect(PaymentMachine.statusesAccepting('ProviderConfirmedSuccess')).toEqual(['pending']);
  });

  it.each([
    ['succeeded', 'pending', 'ProviderConfirmedSuccess'],
    ['succeeded', 'expired', 'LateSuccess'],
    ['succeeded', 'succeeded', 'ProviderConfirmedSuccess'],
    ['failed', 'pending', 'ProviderReportedFailure'],
    ['cancelled', 'expired', 'CustomerCancelled'],
    ['expired', 'pending', 'ExpiredUnpaid'],
  ] as const)('reads a %s report on a %s payment as %s', (outcome, from, cause) => {
    expect(causeOfReport(outcome, from)).toBe(cause);
  });
});

describe('Provider transaction numbers', () => {
  it.each([undefined, '', ' ', '0', '000'])('does not let %j claim the unique transaction key', (id) => {
    expect(isProviderTransactionId(id)).toBe(false);
  });

  it.each(['14012345', '0012', 'FT26325123'])('lets %s claim it', (id) => {
    expect(isProviderTransactionId(id)).toBe(true);
  });
});

describe('Provider amount limits', () => {
  it('fits the VNPay limit into 12 digits of vnp_Amount and nothing above it', () => {
    expect(toVnpAmount(VNPAY_MAX_AMOUNT)).toBe('999999999900');
    expect(() => toVnpAmount(VNPAY_MAX_AMOUNT + 1)).toThrow(RangeError);
    expect(() => toVnpAmount(1.5)).toThrow(RangeError);
  });
});
