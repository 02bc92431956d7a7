import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Payment } from '../../shared/modules/payments';
import { signParams, toVnpAmount } from '../../shared/modules/payments/providers/vnpay/protocol';
import { VnpayRefunds, type RefundRequestOf } from '../../shared/modules/payments/providers/vnpay/refund';
import { parseSettlementFile, DEFAULT_SETTLEMENT_FORMATS } from '../../shared/modules/finance/settlement-file';
import { vietnamDate, vietnamTimestamp } from '../../shared/platform/kernel/time';
import { sandbox } from '../support/payments';

/**
 * The sandbox bank over HTTP on the shared runtime, driven through the real VNPay refund adapter:
 * signed refunds answered 00, 94 (then querydr finds it refunded) or 95 on demand, and the day-T
 * settlement file of what it took, with planted differences.
 */
const base = () => inject('baseUrl');
const apiUrl = () => `${base()}/sandbox/vnpay/merchant_webapi/api/transaction`;
const adapter = (hashSecret = sandbox.vnpayHashSecret) => new VnpayRefunds({ tmnCode: sandbox.vnpayTmnCode, hashSecret, apiUrl: apiUrl() });

async function mode(reply: string) {
  return fetch(`${base()}/sandbox/vnpay/refund-mode`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reply }) });
}

/** A payment the sandbox gateway took (the IPN is not delivered: only the bank's books matter here). */
async function paidAtSandbox(amount: number): Promise<Payment> {
  const createdAt = new Date(Date.now() - 60_000);
  const txnRef = randomUUID().replace(/-/g, '').slice(0, 20);
  const original = signParams({
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: sandbox.vnpayTmnCode, vnp_Amount: toVnpAmount(amount), vnp_CurrCode: 'VND', vnp_TxnRef: txnRef,
    vnp_OrderInfo: `Thanh toan ${txnRef}`, vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: `${base()}/sandbox/portal/payment-result`,
    vnp_IpAddr: '127.0.0.1', vnp_CreateDate: vietnamTimestamp(createdAt),
  }, sandbox.vnpayHashSecret);
  const response = await fetch(`${base()}/sandbox/vnpay/pay`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...original, outcome: 'success', deliverIpn: 'no' }).toString(),
  });
  expect(response.status).toBe(302);
  const transactionNo = new URL(response.headers.get('location')!).searchParams.get('vnp_TransactionNo')!;
  return {
    paymentId: `pay_${txnRef}`, dossierNo: `HS-${txnRef.slice(0, 8)}`, citizenId: '001099012345', agencyCode: 'HP-STP', provider: 'vnpay', providerRef: txnRef, amount,
    currency: 'VND', status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: createdAt.toISOString(), expiresAt: createdAt.toISOString(),
    providerTransactionId: transactionNo, version: 2,
  };
}

const refund = (amount: number, scope: 'full' | 'partial'): RefundRequestOf => {
  const id = randomUUID().replace(/-/g, '').slice(0, 16);
  return { refundId: `rf_${id}`, amount, scope, reason: 'hoan tien', requestedBy: 'agency:HP-STP', providerRequestId: id };
};

describe('Sandbox bank: VNPay refunds and the day file', () => {
  afterAll(async () => void (await mode('00')));

  it('refunds a partial and then the rest, refuses more than was paid, and querydr reports the refund', async () => {
    await mode('00');
    const payment = await paidAtSandbox(50_000);
    expect((await adapter().submit(payment, refund(20_000, 'partial'))).outcome).toBe('refunded');
    expect((await adapter().submit(payment, refund(40_000, 'partial'))).code).toBe('02');
    const rest = refund(30_000, 'full');
    expect(await adapter().submit(payment, rest)).toMatchObject({ outcome: 'refunded', code: '00' });
    expect((await adapter().query(payment, rest)).outcome).toBe('refunded');
    // The same request id again is "already in progress", never a second refund.
    expect((await adapter().submit(payment, rest)).code).toBe('94');
  });

  it('answers 94 on demand (then the query finds it refunded) and 95 on demand', async () => {
    const payment = await paidAtSandbox(40_000);
    expect((await mode('95')).status).toBe(200);
    expect((await adapter().submit(payment, refund(40_000, 'full'))).outcome).toBe('not_refundable');
    await mode('94');
    const r = refund(40_000, 'full');
    expect(await adapter().submit(payment, r)).toMatchObject({ outcome: 'processing', code: '94' });
    expect((await adapter().query(payment, r)).outcome).toBe('refunded');
    expect((await mode('42')).status).toBe(400);
  });

  it('signs with the shared secret only: a reply to a request signed with another secret is not believed', async () => {
    await mode('00');
    const payment = await paidAtSandbox(10_000);
    expect((await adapter('not-the-secret').submit(payment, refund(10_000, 'full'))).outcome).toBe('unknown');
    // The original's date is part of how VNPay finds it: the wrong one is 91, refused.
    expect((await adapter().submit({ ...payment, createdAt: '2020-01-01T00:00:00.000Z' }, refund(10_000, 'full'))).code).toBe('91');
  });

  it('writes the day-T file of what it took, with planted differences on demand', async () => {
    const a = await paidAtSandbox(25_000);
    const day = vietnamDate(new Date());
    const format = DEFAULT_SETTLEMENT_FORMATS.vnpay!;
    const read = async (query = '') => parseSettlementFile(await (await fetch(`${base()}/sandbox/vnpay/settlement/${day}.csv${query}`)).text(), format);
    const clean = await read();
    expect(clean.find((l) => l.reference === a.providerRef)).toMatchObject({ amount: 25_000, transactionId: a.providerTransactionId });
    const planted = await read('?plant=missing,amount,extra');
    expect(planted.map((l) => l.reference)).not.toContain(clean[0]!.reference);
    expect(planted[0]!.amount).toBe(Math.max(1_000, clean[1]!.amount - 1_000));
    expect(planted.at(-1)!.reference).toMatch(/^SANDBOX-EXTRA-/);
    expect((await fetch(`${base()}/sandbox/vnpay/settlement/${day}.csv?plant=bogus`)).status).toBe(400);
  });
});
