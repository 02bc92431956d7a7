import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
// Viet Nam's slice of the `max` metadata (scripts/phone-metadata.ts): the whole set was ~190 KB in every
// bundle that validates a phone; the slice answers the same for every Vietnamese number.
import { VIETNAM_PHONE_METADATA } from './phone-metadata';

/** Whether a valid Vietnamese number is a mobile or a fixed line (both are accepted). */
export const PhoneKinds = { MOBILE: 'mobile', FIXED_LINE: 'fixed_line' } as const;
export type VietnamesePhoneKind = (typeof PhoneKinds)[keyof typeof PhoneKinds];

/**
 * A Vietnamese phone number in E.164 form, or undefined when it is not a valid mobile or fixed-line
 * number of Viet Nam. Accepts the national form (0912345678) and the international one (+84…).
 */
export function normaliseVietnamesePhone(value: string): { e164: string; kind: VietnamesePhoneKind } | undefined {
  const parsed = parsePhoneNumberFromString(value.trim(), 'VN', VIETNAM_PHONE_METADATA);
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type === 'MOBILE') return { e164: parsed.number, kind: PhoneKinds.MOBILE };
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return { e164: parsed.number, kind: PhoneKinds.FIXED_LINE };
  return undefined;
}
