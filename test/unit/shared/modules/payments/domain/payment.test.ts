import { describe, expect, it } from 'vitest';
import {
  assertPaymentTransition,
  InvalidPaymentTransitionError,
  isProviderTransactionId,
  MaxProviderAmount,
  PaymentStatuses,
  PaymentTransitions,
} from '../../../../../../shared/modules/payments/domain/payment';
import { toVnpAmount } from '../../../../../../shared/modules/payments/providers/vnpay/protocol';

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
    expect(() => assertPaymentTransition(from, to, on)).toThrow(InvalidPaymentTransitionError);
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
    expect(toVnpAmount(MaxProviderAmount.vnpay)).toBe('999999999900');
    expect(() => toVnpAmount(MaxProviderAmount.vnpay + 1)).toThrow(RangeError);
    expect(() => toVnpAmount(1.5)).toThrow(RangeError);
  });
});
