import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentIdReference, randomCode } from '../../../../../../shared/modules/payments/domain/reference';
import { NationalPlatformProvider } from '../../../../../../shared/modules/payments/providers/national-platform/provider';
import { VnpayProvider } from '../../../../../../shared/modules/payments/providers/vnpay/provider';
import type { NationalPlatformSettings } from '../../../../../../shared/modules/payments/providers/national-platform/settings';
import { testVnpaySettings } from '../../../../../support/vnpay-ipn';

describe('Object: paymentIdReference', () => {
  it('names the payment whose id a reference was made from, for every id a payment gets', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z2-9]{24}$/), (code) => {
        expect(paymentIdReference.paymentIdOf(paymentIdReference.of(`pay_${code}`))).toBe(`pay_${code}`);
      }),
    );
    const paymentId = `pay_${randomCode(24)}`;
    expect(paymentIdReference.paymentIdOf(paymentIdReference.of(paymentId))).toBe(paymentId);
  });

  it.each([
    ['empty', ''],
    ['a transfer memo with a dash', 'FP-0000000001'],
    ['a space', 'ABC DEF'],
    ['a key separator', 'ABC#DEF'],
    ['longer than any id', 'A'.repeat(65)],
  ])('names no payment for a reference of another shape: %s', (_case, ref) => {
    expect(paymentIdReference.paymentIdOf(ref)).toBeUndefined();
  });

  it('is how VNPay and the national platform make their references', () => {
    const paymentId = `pay_${randomCode(24)}`;
    const platform = new NationalPlatformProvider({} as NationalPlatformSettings);
    for (const provider of [new VnpayProvider(testVnpaySettings), platform]) {
      expect(paymentIdReference.paymentIdOf(provider.newReference(paymentId))).toBe(paymentId);
    }
  });
});
