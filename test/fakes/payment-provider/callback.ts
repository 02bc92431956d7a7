import { settlePayment, type SettleDeps, type SettleResult } from '../../../shared/modules/payments/use-cases/settle-payment';
import { FAKEPAY } from './provider';

/** Fakepay's (already verified) notification: a reference, an amount and whether it was paid. */
export interface FakepayNotification {
  readonly ref: string;
  readonly amount: number;
  readonly paid: boolean;
  readonly transactionId: string;
}

export function settleFakepay(deps: SettleDeps, notification: FakepayNotification): Promise<SettleResult> {
  return settlePayment(deps, {
    provider: FAKEPAY,
    ref: notification.ref,
    amount: notification.amount,
    outcome: notification.paid ? 'succeeded' : 'failed',
    transactionId: notification.transactionId,
    kind: 'callback',
    received: { ...notification },
  });
}
