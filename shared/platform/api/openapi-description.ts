import { ERROR_CODES, ErrorCatalogue, type ErrorCode } from './error-catalogue';
import type { ErrorResponse } from './error';

/** What each error status means in general; the codes under it say exactly why. */
export const ERROR_STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid request: malformed JSON, a wrong type, an unknown field or a bad value (details name the fields)',
  401: 'Missing, invalid or expired credential',
  403: 'The caller may not perform this operation',
  404: 'Not found (also for resources the caller may not see)',
  409: 'Conflicts with what is recorded',
  413: 'Body larger than the limit',
  415: 'Body is not application/json',
  422: 'Valid request that the business rules refuse',
  500: 'Internal error; the message carries a reference only',
};

/** Field details shown in the examples of the codes that carry them. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, ErrorResponse['error']['details']>> = {
  VALIDATION_FAILED: [{ path: 'applicant.phone', message: 'must be a Vietnamese mobile or fixed-line number' }],
  MISSING_INPUT: [{ path: 'inputs.pages', message: 'required by fee rule copy_certification' }],
  NO_RATE_FOR_INPUTS: [{ path: 'inputs.assetType', message: 'no rate for organisation × boat' }],
  UNKNOWN_PROCEDURE: [{ path: 'procedureCode', message: 'unknown procedure' }],
  CHANNEL_NOT_ALLOWED: [{ path: 'channel', message: 'allowed: online, counter' }],
  NO_SCHEDULE_IN_FORCE: [{ path: 'submittedAt', message: 'no fee schedule in force on 2015-01-01 (Viet Nam date)' }],
  POSTAL_RETURN_NOT_ALLOWED: [{ path: 'delivery', message: 'postal return is not allowed for this procedure' }],
  IDEMPOTENCY_KEY_REUSED: [{ path: 'Idempotency-Key', message: 'already used with a different body' }],
  FORBIDDEN: [{ path: 'agencyCode', message: 'must be the agency of the token' }],
};

/** The English answer of a code, as the examples of the document show it. */
export function exampleErrorOf(code: ErrorCode): ErrorResponse {
  const message = ErrorCatalogue[code].en.replace('{reference}', '5f0c6a1e-8d7b-4c1e-9a35-2b7d0e4f9c11');
  const details = EXAMPLE_DETAILS[code];
  return { error: { code, message, ...(details ? { details } : {}) } };
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The error catalogue as a Markdown table (code, HTTP status, English, Vietnamese). */
export function errorTableMarkdown(): string {
  const rows = [...ERROR_CODES]
    .sort((a, b) => ErrorCatalogue[a].status - ErrorCatalogue[b].status || a.localeCompare(b))
    .map((code) => {
      const entry = ErrorCatalogue[code];
      return `| \`${code}\` | ${entry.status} | ${escapeCell(entry.en)} | ${escapeCell(entry.vi)} |`;
    });
  return ['| code | HTTP | English | Tiếng Việt |', '|---|---|---|---|', ...rows].join('\n');
}

/** The `info.description` of the document: what every integrator needs before the first call. */
export function apiDescription(): string {
  return `Online fees and postal return of results for public-service portals (level 4 / *toàn trình*).
Money is integer VND; times are ISO-8601 UTC (dates of the law are Viet Nam dates).

## Authentication
Citizen and agency operations need \`Authorization: Bearer <JWT>\`. In AWS, API Gateway's JWT
authorizer checks the token (issuer, audience, expiry, signature) **before** the function runs: a missing,
invalid or expired token is answered by API Gateway itself with \`401\` and the body
\`{"message":"Unauthorized"}\` (not the error shape below). A verified token whose claims name no role
(\`sub\` a 12-digit citizen id; \`scope\` containing \`agency\` with an \`agency\` claim; \`scope\` \`city\`) gets
\`401 UNAUTHORIZED\` in the error shape; a role the operation is not for gets \`403 FORBIDDEN\`.
Callbacks carry no JWT: they are authenticated by their signatures (header \`X-Signature: t=<unix seconds>,v1=<hex
HMAC-SHA256 of "<t>.<raw body>">\` for the bank-transfer and postal webhooks, VNPay's \`vnp_SecureHash\` query
parameter, Zalo's \`X-ZEvent-Signature\`).

API Gateway also answers on its own, with a \`{"message": …}\` body: \`404 Not Found\` for a path that is no
route, \`413\` over 10 MB, \`429 Too Many Requests\` when throttled and \`503 Service Unavailable\` on a timeout.

## Errors
Every other 4xx/5xx is \`application/json\`:
\`{"error": {"code": "VALIDATION_FAILED", "message": "…", "details": [{"path": "applicant.phone", "message": "…"}]}}\`.
\`code\` is stable: program against it. \`message\` follows \`Accept-Language\` (\`vi\` or \`vi-VN\` preferred:
Vietnamese; otherwise English). \`details\` name each faulty field by its JSON path and stay in English,
machine-readable. Each operation lists the codes it can answer under their HTTP status.

${errorTableMarkdown()}
`;
}
