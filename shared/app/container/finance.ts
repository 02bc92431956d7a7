import type { RefundGateways } from '../../modules/finance/ports';
import type { RefundDeps } from '../../modules/finance/use-cases/refunds';
import type { ExceptionDeps } from '../../modules/finance/use-cases/exceptions';
import { DynamoIdempotencyRecords, VnpayRefunds } from '../../modules/payments';
import { vnpay } from '../../modules/payments/providers/vnpay';
import { base } from './base';
import { dynamo } from './dynamo';
import { dossierStore } from './dossiers';
import { financeStore } from './finance-store';
import { paymentStore } from './payments';
import { secrets } from './secrets';
import { receiptRequests } from './receipts';
import { definePart } from './part';

export { financeStore, type FinanceStoreMembers } from './finance-store';

export interface FinanceExceptionsMembers {
  readonly exceptionDeps: ExceptionDeps;
}

export const financeExceptions = /* @__PURE__ */ definePart<FinanceExceptionsMembers>()('financeExceptions', [base, financeStore, dossierStore], (c, { once }) => ({
  get exceptionDeps() {
    return once('exceptionDeps', () => ({ finance: c.financeStore, dossiers: c.dossierStore, clock: c.clock }));
  },
}));

export interface RefundsMembers {
  /** Providers with a refund API (VNPay); the others are refunded by hand and confirmed. */
  readonly refundGateways: Promise<RefundGateways>;
  readonly refundDeps: Promise<RefundDeps>;
}

export const refunds = /* @__PURE__ */ definePart<RefundsMembers>()('refunds', [base, dynamo, secrets, financeStore, paymentStore, receiptRequests], (c, { once, tableName }) => ({
  get refundGateways() {
    // VNPay's settings alone: a refund function carries no other provider (nor vietnam-qr-pay) and reads no other secret.
    return once('refundGateways', async () => ({ vnpay: new VnpayRefunds(await vnpay.settings.load(c.settingsSource)) }));
  },
  get refundDeps() {
    return once('refundDeps', async () => ({
      finance: c.financeStore,
      payments: c.paymentStore,
      gateways: await c.refundGateways,
      // The payments module's Idempotency-Key records, under a scope of their own (refund#<agency>).
      idempotency: new DynamoIdempotencyRecords(c.documentClient, tableName()),
      clock: c.clock,
      // A refund paid out asks for its adjusting e-receipts on the receipt-issuance queue.
      receiptRequests: c.receiptRequests,
    }));
  },
}));
