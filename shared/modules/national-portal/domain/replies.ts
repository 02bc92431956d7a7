/**
 * How a portal reply is read: `{error_code, message}` (OCPS, TD-DVC; UNVERIFIED, see wire-codes.ts).
 * Success is decided by the code alone, never by looking for "thành công" in the message.
 */

export const ReplyKinds = {
  /** Done. */
  OK: 'ok',
  /** The upsert found the dossier already there: send it again as an update. */
  EXISTS: 'exists',
  /** The session is unknown or expired: log in again once and retry once. */
  SESSION_REJECTED: 'session_rejected',
  /** The portal refused the data: waiting will not change its mind. */
  REJECTED: 'rejected',
  /** Down, overloaded or unreadable: retry later. */
  UNAVAILABLE: 'unavailable',
} as const;
export type ReplyKind = (typeof ReplyKinds)[keyof typeof ReplyKinds];

export interface ClassifiedReply {
  readonly kind: ReplyKind;
  /** `error_code` as a trimmed string ("" when absent). */
  readonly code: string;
  readonly message: string;
}

/** "0" and "00" (and the number 0) are the two spellings of success seen in the wild. */
const SUCCESS_CODES = new Set(['0', '00']);
/** TD-DVC switches to an update on "3"/"-3" when the message says the dossier exists (meaning of 3 unverified). */
const EXISTS_CODES = new Set(['3', '-3']);
const EXISTS_TEXT = /đã tồn tại|already exists/i;
/** Codes our LGSP answers for an unknown or expired session (unverified: the province's LGSP decides). */
const SESSION_CODES = new Set(['401', '-401', '-2']);

/** The table, in order: HTTP status first, then the normalised `error_code`. */
export function classifyReply(httpStatus: number, body: unknown): ClassifiedReply {
  const json = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  const raw = json?.error_code;
  const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  const message = typeof json?.message === 'string' ? json.message.slice(0, 300) : '';
  const kind = ((): ReplyKind => {
    if (httpStatus === 401 || httpStatus === 403) return ReplyKinds.SESSION_REJECTED;
    if (httpStatus >= 500 || httpStatus === 408 || httpStatus === 429) return ReplyKinds.UNAVAILABLE;
    if (!json || code === '') return httpStatus >= 400 ? ReplyKinds.REJECTED : ReplyKinds.UNAVAILABLE;
    if (SUCCESS_CODES.has(code)) return ReplyKinds.OK;
    if (SESSION_CODES.has(code)) return ReplyKinds.SESSION_REJECTED;
    if (EXISTS_CODES.has(code) && EXISTS_TEXT.test(message)) return ReplyKinds.EXISTS;
    return ReplyKinds.REJECTED;
  })();
  return { kind, code, message };
}
