import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type VietnamesePhoneKind = 'mobile' | 'fixed_line';

/**
 * A Vietnamese phone number in E.164 form, or undefined when it is not a valid mobile or fixed-line
 * number of Viet Nam. Accepts the national form (0912345678) and the international one (+84…).
 */
export function normaliseVietnamesePhone(value: string): { e164: string; kind: VietnamesePhoneKind } | undefined {
  const parsed = parsePhoneNumberFromString(value.trim(), 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type === 'MOBILE') return { e164: parsed.number, kind: 'mobile' };
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return { e164: parsed.number, kind: 'fixed_line' };
  return undefined;
}
