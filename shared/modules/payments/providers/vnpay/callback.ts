import { BusinessRuleError, InvalidInputError, NotFoundError } from '../../../../platform/kernel/errors';
import { logger } from '../../../../platform/observability/logger';
import { ipnReplied } from '../../../../platform/observability/metrics';
import { paymentIdReference } from '../../domain/reference';
import { returnUrlProblem } from '../../domain/return-url';
import type { PaymentStore } from '../../ports';
import { settlePayment, type SettleDeps, type SettleResult } from '../../use-cases/settle-payment';
import { fromVnpAmount, gatewayOutcome, IpnReply, payDate, verifyParams, type IpnReplyBody, type VnpParams } from './protocol';
import type { VnpaySettings } from './settings';

const REPLY: Record<SettleResult, IpnReplyBody> = {
  not_found: IpnReply.ORDER_NOT_FOUND,
  amount_mismatch: IpnReply.INVALID_AMOUNT,
  already_confirmed: IpnReply.ALREADY_CONFIRMED,
  applied: IpnReply.CONFIRMED,
  recorded_failure: IpnReply.CONFIRMED,
  late_success: IpnReply.CONFIRMED,
};

/** Why a result was not answered 00, in words an operator reads in the log (no parameter values). */
const REASON: Partial<Record<SettleResult, string>> = {
  not_found: 'no payment has this vnp_TxnRef',
  amount_mismatch: 'vnp_Amount differs from the payment amount',
  already_confirmed: 'the payment was already settled (or this transaction recorded); nothing changed',
};

/**
 * The gateway's server-to-server result (IPN), in the order payments.md prescribes: checksum and
 * merchant code (97), then the settlement's own checks. It always gets a reply; only 00 and 02 stop
 * the gateway's retries, so anything unexpected is 99 and the gateway asks again. Every reply other
 * than 00 is logged (warn) with its reason: the operator an IpnReply alarm wakes finds why there.
 */
export async function answerIpn(deps: SettleDeps, settings: () => Promise<VnpaySettings>, params: VnpParams): Promise<IpnReplyBody> {
  let reply: IpnReplyBody;
  let reason: string | undefined;
  try {
    const vnpay = await settings();
    if (!verifyParams(params, vnpay.hashSecret)) {
      reply = IpnReply.INVALID_CHECKSUM;
      reason = 'vnp_SecureHash does not verify with our hash secret';
    } else if (params.vnp_TmnCode !== vnpay.tmnCode) {
      reply = IpnReply.INVALID_CHECKSUM;
      reason = 'vnp_TmnCode is not our merchant code';
    } else {
      const paidAt = payDate(params.vnp_PayDate)?.toISOString();
      const ref = params.vnp_TxnRef ?? '';
      const paymentId = paymentIdReference.paymentIdOf(ref);
      const result = await settlePayment(deps, {
        provider: 'vnpay',
        ref,
        ...(paymentId ? { paymentId } : {}),
        amount: fromVnpAmount(params.vnp_Amount),
        outcome: gatewayOutcome(params.vnp_ResponseCode, params.vnp_TransactionStatus),
        ...(params.vnp_TransactionNo ? { transactionId: params.vnp_TransactionNo } : {}),
        ...(paidAt ? { paidAt } : {}),
        kind: 'callback',
        received: params,
      });
      reply = REPLY[result];
      reason = REASON[result];
    }
  } catch (error) {
    logger.error('IPN processing failed', { error });
    reply = IpnReply.UNKNOWN_ERROR;
    reason = `processing failed (${error instanceof Error ? error.name : 'unknown error'}); the gateway will retry`;
  }
  if (reply.RspCode === IpnReply.CONFIRMED.RspCode) logger.info('vnpay ipn', { txnRef: params.vnp_TxnRef, rspCode: reply.RspCode });
  // A 02 answers VNPay's own retry of a notification already taken: expected, so info, with its reason.
  else if (reply.RspCode === IpnReply.ALREADY_CONFIRMED.RspCode) logger.info('vnpay ipn', { txnRef: params.vnp_TxnRef, rspCode: reply.RspCode, reason });
  else logger.warn('vnpay ipn', { txnRef: params.vnp_TxnRef, rspCode: reply.RspCode, reason });
  ipnReplied(reply.RspCode);
  return reply;
}

/**
 * Where the citizen's browser goes after the gateway. Display only: the signature is checked, nothing
 * changes, and the browser goes to the payment's stored returnUrl with its recorded status.
 */
export async function returnRedirect(
  deps: { readonly payments: Pick<PaymentStore, 'findByProviderRef'>; readonly returnOrigins: readonly string[] },
  vnpay: VnpaySettings,
  params: VnpParams,
): Promise<URL> {
  if (!verifyParams(params, vnpay.hashSecret)) {
    throw new InvalidInputError('The return parameters are not signed by the gateway', { details: [{ path: 'vnp_SecureHash', message: 'invalid' }] });
  }
  const ref = params.vnp_TxnRef ?? '';
  const payment = await deps.payments.findByProviderRef('vnpay', ref, paymentIdReference.paymentIdOf(ref));
  if (!payment) throw new NotFoundError('Unknown payment');
  // Only the stored returnUrl, never the query; checked again so that a URL accepted before the
  // portal-origin rule (or from a portal since removed) is not a redirect under our name.
  if (returnUrlProblem(payment.returnUrl, deps.returnOrigins)) {
    logger.warn('vnpay return to a disallowed returnUrl refused', { paymentId: payment.paymentId });
    throw new BusinessRuleError('This payment\u2019s return address is not an allowed portal address');
  }
  const target = new URL(payment.returnUrl);
  target.searchParams.set('paymentId', payment.paymentId);
  target.searchParams.set('status', payment.status);
  return target;
}
