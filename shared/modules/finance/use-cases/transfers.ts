import type { Clock } from '../../../platform/kernel/time';
import type { FinanceStore } from '../ports';
import { raiseUnmatchedTransfer } from './exceptions';

export interface TransferExceptionDeps {
  readonly finance: FinanceStore;
  readonly clock: Clock;
}

/**
 * What the bank-transfer webhook hands finance after settlement: a transfer that matched no payment
 * is kept with its notification, booked as money in of no agency yet. Idempotent per bank
 * transaction (the bank's retry raises nothing twice). A transfer of the wrong amount, or a second
 * transfer under a settled reference, was raised by settlement itself (raiseUnclaimedMoney).
 */
export async function raiseTransferException(
  deps: TransferExceptionDeps,
  result: string,
  transfer: { reference: string; amount: number; transactionId: string; paidAt: string } & Record<string, unknown>,
): Promise<void> {
  if (result === 'unmatched') await raiseUnmatchedTransfer(deps, transfer);
}
