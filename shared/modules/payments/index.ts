/** The payments module's public surface: the only thing other modules import (none does today). */
export { PAYMENT_CAUSES, PAYMENT_PROVIDERS, PAYMENT_STATUSES, PaymentMachine, sharesOf } from './domain/payment';
export type { PaymentShare } from './domain/basket';
export type { Payment, PaymentCause, PaymentProviderName, PaymentStatus } from './domain/payment';
export { PaymentProviderSchema, PaymentStatusSchema } from './api/payment';
export type { LedgerEntry, PaymentStore, IdempotencyBegin, UnclaimedMoney, RaiseUnclaimedMoney } from './ports';
export { VnpayRefunds, refundRequest, signRefundResponse, verifyRefundResponse, REFUND_REQUEST_FIELDS, REFUND_RESPONSE_FIELDS } from './providers/vnpay/refund';
export type { RefundAnswer, RefundAnswerOutcome, RefundRequestOf } from './providers/vnpay/refund';
export { DynamoIdempotencyRecords } from './idempotency-dynamodb';
export { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from './domain/errors';
