import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../local/runtime';
import { signParams, toVnpAmount } from '../shared/modules/payments/providers/vnpay/protocol';
import { vietnamTimestamp } from '../shared/platform/kernel/time';
import { sandboxSettings } from '../local/sandboxes/settings';
import { load } from './throughput';

async function call(runtime: LocalRuntime, method: string, path: string, token: string, body?: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${runtime.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json() as Promise<Record<string, any>>;
}

/**
 * The URL of a settled payment's IPN (paid once here, with a transaction number of its own, so a
 * second call in one run is a new payment, not a second transaction of the first): every request to
 * it is a replay, as the gateway's retries are.
 */
export async function replayedIpnUrl(runtime: LocalRuntime): Promise<string> {
  const agency = `IPN-${randomUUID().slice(0, 6).toUpperCase()}`;
  const citizen = '031099055555';
  const agencyToken = (await runtime.tokens.mint({ role: 'agency', agency }));
  const citizenToken = await runtime.tokens.mint({ role: 'citizen', sub: citizen });
  const dossierNo = `BENCH-IPN-${randomUUID().slice(0, 8)}`;
  await call(runtime, 'PUT', `/v1/dossiers/${dossierNo}`, agencyToken, {
    procedureCode: '2.000815', agencyCode: agency, channel: 'online', submittedAt: new Date().toISOString(),
    applicant: { citizenId: citizen, fullName: 'Bench', phone: '0912345678' }, inputs: { pages: 1 },
  });
  const payment = await call(runtime, 'POST', `/v1/dossiers/${dossierNo}/payments`, citizenToken, { provider: 'vnpay', returnUrl: `${runtime.baseUrl}/sandbox/portal/payment-result` }, { 'idempotency-key': randomUUID() });
  const sandbox = sandboxSettings();
  const params = signParams(
    {
      vnp_Amount: toVnpAmount(payment.amount), vnp_BankCode: 'NCB', vnp_OrderInfo: 'bench', vnp_PayDate: vietnamTimestamp(new Date()),
      vnp_ResponseCode: '00', vnp_TmnCode: sandbox.vnpayTmnCode, vnp_TransactionNo: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), vnp_TransactionStatus: '00',
      vnp_TxnRef: new URL(payment.redirectUrl).searchParams.get('vnp_TxnRef')!,
    },
    sandbox.vnpayHashSecret,
  );
  const url = `${runtime.baseUrl}/v1/callbacks/vnpay/ipn?${new URLSearchParams(params)}`;
  const first = await (await fetch(url)).json();
  if ((first as { RspCode: string }).RspCode !== '00') throw new Error(`IPN bench setup failed: ${JSON.stringify(first)}`);
  return url;
}

/**
 * IPN callbacks per second through the local runtime: a settled payment's IPN replayed (the gateway
 * retries), so every request verifies the checksum, reads the payment and appends to its ledger.
 */
export async function measureIpnThroughput(runtime: LocalRuntime, seconds: number): Promise<{ requestsPerSecond: number; p99Ms: number }> {
  const url = await replayedIpnUrl(runtime);
  await load({ url, seconds: 2, connections: 16 });
  const result = await load({ url, seconds, connections: 16 });
  return { requestsPerSecond: result.requestsPerSecond, p99Ms: result.p99Ms };
}
