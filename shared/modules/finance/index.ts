/** The finance module's public surface (refunds, exceptions, reconciliation, ledger totals). */
export { RefundMachine, REFUND_STATUSES } from './domain/refund';
export type { Refund, RefundStatus } from './domain/refund';
export type { FinanceException, ExceptionKind } from './domain/exception';
export type { BookEntry, FinanceSummary } from './domain/book';
export type { FinanceStore, RefundGateway, RefundGateways, PaymentReader } from './ports';
export { raiseUnclaimedMoney } from './use-cases/unclaimed-money';
export type { UnclaimedMoneyDeps } from './use-cases/unclaimed-money';
export type { AdjustingReceiptRequest, AdjustingReceiptRequests } from './ports';
