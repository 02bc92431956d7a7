/** The payments module's public surface: the only thing other modules import (none does today). */
export { PAYMENT_CAUSES, PAYMENT_PROVIDERS, PAYMENT_STATUSES, PaymentMachine } from './domain/payment';
export type { Payment, PaymentCause, PaymentProviderName, PaymentStatus } from './domain/payment';
export { PaymentProviderSchema, PaymentStatusSchema } from './api/payment';
