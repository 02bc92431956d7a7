/**
 * eSMS brandname, in this one file [V devesms gitbook "SendMultipleMessage_V4_post_json";
 * developers.esms.vn table of error codes]. Unverified: whether `Phone` must be national (0…) or
 * international (84…); national is what the public examples send. A Hai Phong deployment may use
 * VinaPhone or Viettel instead: another adapter behind the same port.
 */
export const ESMS_SEND_PATH = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';

export interface EsmsSendBody {
  readonly ApiKey: string;
  readonly SecretKey: string;
  readonly Phone: string;
  readonly Content: string;
  readonly Brandname: string;
  /** "2": customer care (not advertising). */
  readonly SmsType: '2';
  readonly IsUnicode: '1';
  /** Our notification id: eSMS refuses a repeat with 124, so a retry never sends twice. */
  readonly RequestId: string;
  readonly Sandbox: '0' | '1';
}

/** `+84912345678` → `0912345678`. */
export function esmsPhone(e164: string): string {
  if (!/^\+84\d{8,10}$/.test(e164)) throw new Error('not a Vietnamese E.164 number');
  return `0${e164.slice(3)}`;
}

export type EsmsResult = { readonly kind: 'accepted'; readonly smsId: string } | { readonly kind: 'duplicate' } | { readonly kind: 'recipient' | 'refused' | 'temporary'; readonly code: string };

/** Codes that concern the number itself (invalid, blocked) rather than our account. */
const RECIPIENT_CODES = new Set(['104', '118', '119']);
/** Our account: balance, IP whitelist (140), brandname or template not registered, bad key. */
const REFUSED_CODES = new Set(['101', '102', '103', '105', '140', '145', '146']);

/** `CodeResult` 100 is accepted only (not delivered); 124 is our RequestId seen before: it was sent. */
export function parseEsmsReply(body: unknown): EsmsResult {
  const b = body as { CodeResult?: unknown; SMSID?: unknown } | null;
  const code = String(b?.CodeResult ?? '');
  if (code === '100') return { kind: 'accepted', smsId: String(b?.SMSID ?? '') };
  if (code === '124') return { kind: 'duplicate' };
  if (RECIPIENT_CODES.has(code)) return { kind: 'recipient', code };
  if (REFUSED_CODES.has(code)) return { kind: 'refused', code };
  return { kind: 'temporary', code: code || 'UNREADABLE' };
}
