/**
 * Every error code the API (and the operator commands) can answer, once: its HTTP status and its
 * message in English and Vietnamese. Answers carry the stable `code`, the message in the caller's
 * `Accept-Language` (Vietnamese for `vi`, English otherwise) and field-level `details` that stay
 * machine-readable. The OpenAPI document publishes this table; a unit test scans shared/ for every
 * code an error class or a state machine can carry and checks both ways that the table has exactly
 * those.
 */

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ErrorCatalogueEntry {
  readonly status: number;
  readonly en: string;
  readonly vi: string;
}

export const ErrorCatalogue = {
  // Request protocol (shared/platform/http)
  VALIDATION_FAILED: { status: 400, en: 'The request is invalid; details name each field', vi: 'Yêu cầu không hợp lệ; phần chi tiết nêu từng trường bị sai' },
  MALFORMED_JSON: { status: 400, en: 'The body is not valid JSON', vi: 'Nội dung yêu cầu không phải JSON hợp lệ' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The body is larger than this operation accepts', vi: 'Nội dung yêu cầu vượt quá dung lượng cho phép' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'The body must be application/json', vi: 'Nội dung yêu cầu phải có kiểu application/json' },
  UNAUTHORIZED: { status: 401, en: 'A valid credential is required', vi: 'Cần thông tin xác thực hợp lệ' },
  FORBIDDEN: { status: 403, en: 'You may not perform this operation', vi: 'Bạn không có quyền thực hiện thao tác này' },
  NOT_FOUND: { status: 404, en: 'Not found, or not yours to see', vi: 'Không tìm thấy, hoặc bạn không có quyền xem' },
  CONFLICT: { status: 409, en: 'The request conflicts with what is already recorded', vi: 'Yêu cầu mâu thuẫn với dữ liệu đã ghi nhận' },
  BUSINESS_RULE_VIOLATION: { status: 422, en: 'The business rules do not allow this request', vi: 'Quy định nghiệp vụ không cho phép yêu cầu này' },
  INTERNAL_ERROR: { status: 500, en: 'An internal error occurred (reference {reference})', vi: 'Đã xảy ra lỗi hệ thống (mã tham chiếu {reference})' },
  // Lifecycles (state machines)
  INVALID_STATE_TRANSITION: { status: 422, en: 'The dossier is not in a state that allows this', vi: 'Trạng thái hiện tại của hồ sơ không cho phép thao tác này' },
  INVALID_PAYMENT_TRANSITION: { status: 422, en: 'The payment is not in a state that allows this', vi: 'Trạng thái hiện tại của giao dịch thanh toán không cho phép thao tác này' },
  INVALID_DELIVERY_TRANSITION: { status: 422, en: 'The postal delivery is not in a state that allows this', vi: 'Trạng thái hiện tại của bưu gửi không cho phép thao tác này' },
  INVALID_REFUND_TRANSITION: { status: 422, en: 'The refund is not in a state that allows this', vi: 'Trạng thái hiện tại của khoản hoàn tiền không cho phép thao tác này' },
  // Catalogue and fees
  UNKNOWN_PROCEDURE: { status: 422, en: 'No procedure has this code', vi: 'Không có thủ tục hành chính với mã này' },
  CHANNEL_NOT_ALLOWED: { status: 422, en: 'The procedure does not accept this submission channel', vi: 'Thủ tục không tiếp nhận hồ sơ qua kênh này' },
  NO_SCHEDULE_IN_FORCE: { status: 422, en: 'No fee schedule is in force on the submission date', vi: 'Không có biểu phí, lệ phí có hiệu lực vào ngày nộp hồ sơ' },
  POSTAL_RETURN_NOT_ALLOWED: { status: 422, en: 'The procedure does not allow return of the result by post', vi: 'Thủ tục không cho phép trả kết quả qua dịch vụ bưu chính công ích' },
  MISSING_INPUT: { status: 400, en: 'An input the fee rules need is missing; details name it', vi: 'Thiếu thông tin cần để tính phí, lệ phí; phần chi tiết nêu trường còn thiếu' },
  NO_RATE_FOR_INPUTS: { status: 400, en: 'The fee schedule has no rate for these inputs', vi: 'Biểu phí không có mức thu cho các thông tin đã khai' },
  INVALID_CATALOGUE: { status: 400, en: 'The catalogue file is invalid; nothing was imported', vi: 'Tệp danh mục thủ tục không hợp lệ; chưa nhập dữ liệu nào' },
  INVALID_UNITS_FILE: { status: 400, en: 'The administrative units file is invalid; nothing was imported', vi: 'Tệp danh mục đơn vị hành chính không hợp lệ; chưa nhập dữ liệu nào' },
  // Dossiers
  DOSSIER_EXISTS: { status: 409, en: 'A dossier with this number is already registered with another content', vi: 'Số hồ sơ này đã được đăng ký với nội dung khác' },
  DUPLICATE_EVENT: { status: 409, en: 'This event was already applied to the dossier', vi: 'Sự kiện này đã được áp dụng cho hồ sơ' },
  // Payments
  NOTHING_DUE: { status: 409, en: 'Nothing is due on this dossier', vi: 'Hồ sơ không còn khoản nào phải nộp' },
  NOT_AWAITING_PAYMENT: { status: 409, en: 'The dossier is not awaiting payment', vi: 'Hồ sơ không ở trạng thái chờ thanh toán' },
  AMOUNT_OVER_PROVIDER_LIMIT: { status: 400, en: 'The amount is over what this payment method accepts', vi: 'Số tiền vượt quá hạn mức của phương thức thanh toán này' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, en: 'This Idempotency-Key was used with another request body', vi: 'Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác' },
  REQUEST_IN_PROGRESS: { status: 409, en: 'A request with this Idempotency-Key is still being processed; retry shortly', vi: 'Yêu cầu với Idempotency-Key này đang được xử lý; vui lòng thử lại sau ít phút' },
  DOSSIER_NOT_YOURS: { status: 403, en: 'A dossier of the payment is not yours (or does not exist); details name it', vi: 'Có hồ sơ trong lần thanh toán không phải của bạn (hoặc không tồn tại); phần chi tiết nêu hồ sơ đó' },
  BASKET_SPANS_AGENCIES: { status: 422, en: 'One payment pays dossiers of one agency only; pay the others separately', vi: 'Mỗi lần thanh toán chỉ gồm hồ sơ của một cơ quan; hãy thanh toán riêng các hồ sơ còn lại' },
  DOSSIERS_NOT_PAYABLE: { status: 409, en: 'Some dossiers cannot be paid now; details name each and why', vi: 'Có hồ sơ chưa thể thanh toán lúc này; phần chi tiết nêu từng hồ sơ và lý do' },
  PROVIDER_UNAVAILABLE: { status: 502, en: 'The payment provider did not start the payment; nothing was kept: try again in a few minutes, or choose another provider', vi: 'Đơn vị thanh toán chưa khởi tạo được giao dịch; chưa có gì được ghi nhận: vui lòng thử lại sau ít phút hoặc chọn phương thức thanh toán khác' },
  DUPLICATE_TRANSACTION: { status: 409, en: 'This provider transaction is already recorded', vi: 'Giao dịch của đơn vị thanh toán này đã được ghi nhận' },
  // Finance and receipts
  REFUND_EXCEEDS_PAYMENT: { status: 409, en: 'The refunds would exceed what the payment took; details say what remains', vi: 'Tổng số tiền hoàn vượt quá số tiền đã thanh toán; phần chi tiết nêu số còn được hoàn' },
  MONEY_NOT_BOOKED_YET: { status: 409, en: 'The payment is still being booked; retry in a moment', vi: 'Khoản thanh toán đang được ghi sổ; vui lòng thử lại sau giây lát' },
  PAYMENT_NOT_REFUNDABLE: { status: 422, en: 'This payment cannot be refunded', vi: 'Giao dịch thanh toán này không thể hoàn tiền' },
  EXCEPTION_ALREADY_RESOLVED: { status: 409, en: 'This finance exception is already resolved', vi: 'Trường hợp sai lệch tài chính này đã được xử lý' },
  RECEIPT_NUMBERS_EXHAUSTED: { status: 422, en: 'The receipt series has no numbers left', vi: 'Ký hiệu biên lai đã hết số' },
  // Notifications
  TEMPLATE_PARAMETER_INVALID: { status: 400, en: 'A notification template parameter is invalid', vi: 'Tham số của mẫu thông báo không hợp lệ' },
} as const satisfies Record<string, ErrorCatalogueEntry>;

export type ErrorCode = keyof typeof ErrorCatalogue;

export const ERROR_CODES = Object.keys(ErrorCatalogue) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCatalogue, code);
}

/** The message of a code in a language, `{name}` placeholders filled from `params`; undefined for a code not in the table. */
export function errorMessage(code: string, language: Language, params: Readonly<Record<string, string>> = {}): string | undefined {
  if (!isErrorCode(code)) return undefined;
  return ErrorCatalogue[code][language].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
