import { randomBytes } from 'node:crypto';

/** Letters and digits that cannot be misread on a phone screen or a bank memo (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomCode(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

const PAYMENT_ID_PREFIX = 'pay_';

/**
 * A provider reference made of the payment id without its `pay_` prefix (VNPay's vnp_TxnRef, the
 * national platform's MaThamChieu: letters and digits only), so the reference itself names its
 * payment and a callback finds it with one read. Only a hint: the store takes the payment it names
 * only if that payment has this provider and this very reference.
 */
export const paymentIdReference = {
  of: (paymentId: string): string => paymentId.slice(PAYMENT_ID_PREFIX.length),
  /** The payment such a reference names; undefined for any other shape (another format, a forged one). */
  paymentIdOf: (ref: string): string | undefined => (/^[A-Za-z0-9]{1,64}$/.test(ref) ? `${PAYMENT_ID_PREFIX}${ref}` : undefined),
} as const;
