import { vnpayReturnOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { BusinessRuleError, InvalidInputError, NotFoundError } from '../../shared/platform/kernel/errors';
import { returnUrlProblem } from '../../shared/modules/payments/domain/return-url';
import { verifyParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';

/**
 * Where the citizen's browser lands after the gateway. It is for display only: it verifies the
 * signature, changes nothing, and sends the browser to the portal with the payment's recorded status.
 */
export const makeHandler = (container: Container) => httpRoute(vnpayReturnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  const settings = await container.paymentSettings;
  if (!verifyParams(params, settings.vnpay.hashSecret)) {
    throw new InvalidInputError('The return parameters are not signed by the gateway', { details: [{ path: 'vnp_SecureHash', message: 'invalid' }] });
  }
  const payment = await container.paymentStore.findByProviderRef('vnpay', params.vnp_TxnRef ?? '');
  if (!payment) throw new NotFoundError('Unknown payment');
  // Only the stored returnUrl, never the query; checked again so that a URL accepted before the
  // portal-origin rule (or from a portal since removed) is not a redirect under our name.
  if (returnUrlProblem(payment.returnUrl, settings.returnOrigins)) {
    logger.warn('vnpay return to a disallowed returnUrl refused', { paymentId: payment.paymentId });
    throw new BusinessRuleError('This payment\u2019s return address is not an allowed portal address');
  }
  const target = new URL(payment.returnUrl);
  target.searchParams.set('paymentId', payment.paymentId);
  target.searchParams.set('status', payment.status);
  return { statusCode: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
