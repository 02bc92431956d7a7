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
  502: 'A service behind us (a payment provider) failed or did not answer; nothing was kept, and the same request may be sent again',
};

/** Field details shown in the examples of the codes that carry them. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, ErrorResponse['error']['details']>> = {
  VALIDATION_FAILED: [{ path: 'applicant.phone', message: 'must be a Vietnamese mobile or fixed-line number' }],
  PROVIDER_UNAVAILABLE: [{ path: 'provider', message: 'national_platform did not start the payment; try again in a few minutes or choose another provider' }],
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

/** The heading of the error table's section, and the anchor Redoc gives it (a browser test follows it). */
export const ERROR_SECTION_HEADING = 'Error codes · Bảng mã lỗi';
export const ERROR_SECTION_ANCHOR = '#section/Error-codes-Bang-ma-loi';

/**
 * The `info.description` of the document: an introduction, the integration guide when given (its
 * `#` and `##` headings become the reference's menu), then what every answer of every operation
 * shares, in English and Vietnamese, and the error table.
 */
export function apiDescription(guide?: string): string {
  return `Online fees and postal return of results for public-service portals (level 4 / *toàn trình*).
Money is integer VND; times are ISO-8601 UTC (dates of the law are Viet Nam dates).

Thu phí, lệ phí trực tuyến và trả kết quả qua dịch vụ bưu chính công ích cho cổng dịch vụ công (mức độ 4 / *toàn trình*).
Số tiền là số nguyên VND; thời gian theo ISO-8601 giờ UTC (ngày theo quy định pháp luật là ngày giờ Việt Nam).

${guide ? `${guide.trim()}\n\n` : ''}# ${ERROR_SECTION_HEADING}

Every 4xx/5xx our functions answer is \`application/json\`:
\`{"error": {"code": "VALIDATION_FAILED", "message": "…", "details": [{"path": "applicant.phone", "message": "…"}]}}\`.
\`code\` is stable: program against it. \`message\` follows \`Accept-Language\` (\`vi\` or \`vi-VN\` preferred:
Vietnamese; otherwise English). \`details\` name each faulty field by its JSON path and stay in English,
machine-readable. Each operation lists the codes it can answer under their HTTP status.
API Gateway answers some requests itself, before any function, with a \`{"message": …}\` body: \`401\`
\`{"message":"Unauthorized"}\` for a missing, invalid or expired token on a JWT route, \`404 Not Found\` for a
path that is no route, \`413\` over 10 MB, \`429 Too Many Requests\` when throttled and \`503 Service
Unavailable\` on a timeout.

Mọi lỗi 4xx/5xx do các hàm của hệ thống trả về đều là \`application/json\` theo dạng trên. \`code\` không bao giờ
đổi: hãy lập trình theo \`code\`. \`message\` theo \`Accept-Language\` (\`vi\` hoặc \`vi-VN\` được ưu tiên: tiếng Việt;
ngược lại: tiếng Anh). \`details\` nêu từng trường sai theo đường dẫn JSON của trường và giữ tiếng Anh để máy đọc.
Mỗi thao tác liệt kê các mã lỗi có thể trả về theo mã trạng thái HTTP. API Gateway tự trả lời một số yêu cầu
trước khi hàm nào chạy, với nội dung \`{"message": …}\`: \`401\` \`{"message":"Unauthorized"}\` khi thiếu token, token
sai hoặc hết hạn; \`404 Not Found\` cho đường dẫn không có; \`413\` khi nội dung quá 10 MB; \`429 Too Many Requests\`
khi vượt giới hạn tần suất; \`503 Service Unavailable\` khi quá thời gian xử lý.

${errorTableMarkdown()}
`;
}
