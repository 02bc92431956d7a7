import { vnpayIpnOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { settlement } from '../../shared/app/container/payments';
import { vnpayCallbacks } from '../../shared/app/container/vnpay';
import { financeStore } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';
import { answerIpn, fromVnpAmount, IpnReply, payDate } from '../../shared/modules/payments/providers/vnpay';
import { raiseGatewayAmountMismatch, raiseSecondTransaction } from '../../shared/modules/finance';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, settlement, vnpayCallbacks, financeStore] as const;
type Deps = ContainerOf<typeof parts>;

/** The gateway's server-to-server result. It always gets a JSON reply; only 00 and 02 stop its retries. */
export const makeHandler = (container: Deps) => httpRoute(vnpayIpnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  const reply = await answerIpn(container.settleDeps, () => container.vnpaySettings, params);
  // 04 comes only after the checksum and merchant checks passed, so these parameters are the gateway's.
  // Raised before the reply: if raising fails the answer is 99, the gateway asks again, settlement
  // answers 04 again, and the exception (id derived from the payment) is raised then, once.
  const amount = fromVnpAmount(params.vnp_Amount);
  if (reply.RspCode === IpnReply.INVALID_AMOUNT.RspCode && amount !== undefined) {
    try {
      const paidAt = payDate(params.vnp_PayDate)?.toISOString();
      await raiseGatewayAmountMismatch({ finance: container.financeStore, payments: container.settleDeps.payments, clock: container.clock }, {
        provider: 'vnpay', ref: params.vnp_TxnRef ?? '', amount,
        ...(params.vnp_TransactionNo ? { transactionId: params.vnp_TransactionNo } : {}), ...(paidAt ? { paidAt } : {}),
      });
    } catch (error) {
      logger.error('raising the amount mismatch failed', { error });
      logger.warn('vnpay ipn', { txnRef: params.vnp_TxnRef, rspCode: IpnReply.UNKNOWN_ERROR.RspCode, reason: 'raising the amount mismatch failed; the gateway will retry' });
      return { statusCode: 200, body: IpnReply.UNKNOWN_ERROR };
    }
  }
  // 02 for a success under a new transaction number: money taken twice for one order (a second success).
  const succeeded = params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
  if (reply.RspCode === IpnReply.ALREADY_CONFIRMED.RspCode && succeeded && amount !== undefined && params.vnp_TransactionNo) {
    try {
      await raiseSecondTransaction({ finance: container.financeStore, payments: container.settleDeps.payments, clock: container.clock }, {
        provider: 'vnpay', ref: params.vnp_TxnRef ?? '', amount, transactionId: params.vnp_TransactionNo,
        paidAt: payDate(params.vnp_PayDate)?.toISOString() ?? container.clock.now().toISOString(),
      });
    } catch (error) {
      logger.error('raising the second transaction failed', { error });
      return { statusCode: 200, body: IpnReply.UNKNOWN_ERROR };
    }
  }
  return { statusCode: 200, body: reply };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
