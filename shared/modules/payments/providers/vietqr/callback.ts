import { AuthenticationError } from '../../../../platform/kernel/errors';
import { verifySignature } from '../../../../platform/kernel/timestamped-hmac';
import { logger } from '../../../../platform/observability/logger';
import type { TransferNotification } from '../../api/payment';
import { settlePayment, type SettleDeps, type SettleResult } from '../../use-cases/settle-payment';

export type TransferAck = 'applied' | 'duplicate' | 'amount_mismatch' | 'unmatched' | 'late';

const ACK: Record<SettleResult, TransferAck> = {
  applied: 'applied',
  late_success: 'late',
  already_confirmed: 'duplicate',
  amount_mismatch: 'amount_mismatch',
  not_found: 'unmatched',
  recorded_failure: 'applied',
};

/** The bank's `X-Signature: t=…,v1=…` over the raw bytes as received, before anything is parsed into effect. */
export function verifyTransferSignature(signature: string | undefined, rawBody: string, secrets: readonly string[], now: Date): void {
  const check = verifySignature(signature, rawBody, secrets, now);
  if (!check.valid) {
    logger.warn('vietqr webhook refused', { reason: check.reason });
    throw new AuthenticationError(`Invalid signature (${check.reason})`);
  }
}

/** A verified transfer is money taken: the same settlement as the gateway's success. */
export async function settleTransfer(deps: SettleDeps, transfer: TransferNotification): Promise<TransferAck> {
  const result = await settlePayment(deps, {
    provider: 'vietqr',
    ref: transfer.reference,
    amount: transfer.amount,
    outcome: 'succeeded',
    transactionId: transfer.transactionId,
    paidAt: new Date(transfer.paidAt).toISOString(),
    kind: 'callback',
    received: transfer,
  });
  return ACK[result];
}
