import { describe, expect, it } from 'vitest';
import { assertPaymentTransition, InvalidPaymentTransitionError, PaymentStatuses, PaymentTransitions } from '../../../../../shared/domain/payments/payment';

describe('Table: PaymentTransitions', () => {
  it.each(Object.keys(PaymentStatuses))('has %s in the table', (status) => {
    expect(PaymentTransitions.some((t) => t.from === status || t.to === status)).toBe(true);
  });

  it('leaves a final state never, except the named late-success bypass from expired', () => {
    for (const t of PaymentTransitions) {
      expect(PaymentStatuses[t.from].terminal).toBe(false);
      if (t.from !== 'pending') expect(t).toEqual({ from: 'expired', to: 'succeeded', on: 'LateSuccess' });
    }
  });

  it.each([
    ['succeeded', 'failed', 'ProviderReportedFailure'],
    ['failed', 'succeeded', 'ProviderConfirmedSuccess'],
    ['expired', 'succeeded', 'ProviderConfirmedSuccess'],
    ['cancelled', 'succeeded', 'LateSuccess'],
  ] as const)('refuses %s → %s on %s', (from, to, on) => {
    expect(() => assertPaymentTransition(from, to, on)).toThrow(InvalidPaymentTransitionError);
  });
});
