/** The receipts module's public surface: the only thing other modules import. */
export { RECEIPT_KINDS, RECEIPT_MODES, RECEIPT_STATUSES, ReceiptMachine } from './domain/receipt';
export type { Receipt, ReceiptKind, ReceiptMode, ReceiptStatus } from './domain/receipt';
export type { RefundForReceipts } from './domain/plan';
export { feesSettled } from './domain/plan';
export { amountInWords } from './domain/amount-in-words';
export type { ReceiptProvider, ReceiptStore } from './ports';
export { issueAdjustingReceipt } from './use-cases/issue-receipts';
export type { ReceiptDeps } from './use-cases/issue-receipts';
