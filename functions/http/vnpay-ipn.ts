import { vnpayIpnOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { fromVnpAmount, gatewayOutcome, IpnReply, payDate, verifyParams, type IpnReplyBody } from '../../shared/modules/payments/providers/vnpay/protocol';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';
import { ipnReplied } from '../../shared/platform/observability/metrics';
import { settlePayment, type SettleResult } from '../../shared/modules/payments/use-cases/settle-payment';

const REPLY: Record<SettleResult, IpnReplyBody> = {
  not_found: IpnReply.ORDER_NOT_FOUND,
  amount_mismatch: IpnReply.INVALID_AMOUNT,
  already_confirmed: IpnReply.ALREADY_CONFIRMED,
  applied: IpnReply.CONFIRMED,
  recorded_failure: IpnReply.CONFIRMED,
  late_success: IpnReply.CONFIRMED,
};

/** The gateway's server-to-server result. It always gets a JSON reply; only 00 and 02 stop its retries. */
export const makeHandler = (container: Container) => httpRoute(vnpayIpnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  let reply: IpnReplyBody;
  try {
    const settings = await container.paymentSettings;
    if (!verifyParams(params, settings.vnpay.hashSecret) || params.vnp_TmnCode !== settings.vnpay.tmnCode) {
      reply = IpnReply.INVALID_CHECKSUM;
    } else {
      const paidAt = payDate(params.vnp_PayDate)?.toISOString();
      const result = await settlePayment(container.settleDeps, {
        provider: 'vnpay',
        ref: params.vnp_TxnRef ?? '',
        amount: fromVnpAmount(params.vnp_Amount),
        outcome: gatewayOutcome(params.vnp_ResponseCode, params.vnp_TransactionStatus),
        ...(params.vnp_TransactionNo ? { transactionId: params.vnp_TransactionNo } : {}),
        ...(paidAt ? { paidAt } : {}),
        kind: 'callback',
        received: params,
      });
      reply = REPLY[result];
    }
  } catch (error) {
    logger.error('IPN processing failed', { error });
    reply = IpnReply.UNKNOWN_ERROR;
  }
  logger.info('vnpay ipn', { txnRef: params.vnp_TxnRef, rspCode: reply.RspCode });
  ipnReplied(reply.RspCode);
  return { statusCode: 200, body: reply };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
