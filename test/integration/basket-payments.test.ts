import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FinanceException } from '../../shared/modules/finance';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';

/**
 * One payment for several dossiers of one citizen (POST /v1/payments) on the local runtime: paid once
 * through the VNPay sandbox, every dossier moves on; a tampered amount settles none of them.
 */
const CITIZEN = '079099012347';
const OTHER_CITIZEN = '079099012348';
let agency: string;
let agencyToken: string;
let citizenToken: string;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const registerOwing = (citizenId = CITIZEN) => registerOnlineDossier(agencyToken, agency, { citizenId, fullName: 'Trần Thị D', phone: '0912000222' }, uniqueCode('H31.26'));
const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);
const payBasket = (dossierNos: string[], key: string = randomUUID(), provider = 'vnpay') =>
  api('/v1/payments', { token: citizenToken, headers: { 'idempotency-key': key }, body: { dossierNos, provider, returnUrl: returnUrl() } });

/** The citizen chooses "pay" on the sandbox gateway page; the sandbox calls our IPN, then redirects. */
async function payAtSandbox(redirectUrl: string): Promise<void> {
  const form = new URLSearchParams({ ...Object.fromEntries(new URL(redirectUrl).searchParams), outcome: 'success' });
  const res = await api('/sandbox/vnpay/pay', { rawBody: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(res.status, res.text).toBe(302);
}

describe('POST /v1/payments (several dossiers, one payment)', () => {
  it('pays two dossiers once through the VNPay sandbox: both move to PROCESSING and each gets its receipts', async () => {
    const [a, b] = [await registerOwing(), await registerOwing()];
    const [dueA, dueB] = [(await dossier(a)).amountDue, (await dossier(b)).amountDue];
    const key = randomUUID();
    const res = await payBasket([a, b], key);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ status: 'pending', amount: dueA + dueB, dossierNos: [a, b], shares: [{ dossierNo: a, amount: dueA }, { dossierNo: b, amount: dueB }] });
    expect(new URL(res.json.redirectUrl).searchParams.get('vnp_Amount')).toBe(String((dueA + dueB) * 100));

    // A retry with the same key and body answers the same payment; the same key with another body is refused.
    const retry = await payBasket([a, b], key);
    expect([retry.status, retry.json]).toEqual([201, res.json]);
    expect((await payBasket([b, a], key)).json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    await payAtSandbox(res.json.redirectUrl);
    for (const no of [a, b]) await until(() => dossier(no), (d) => d.status === 'PROCESSING', 30_000);
    for (const [no, due] of [[a, dueA], [b, dueB]] as const) {
      expect((await dossier(no)).payments).toEqual([expect.objectContaining({ paymentId: res.json.paymentId, amount: due, status: 'succeeded' })]);
    }
    const payment = await api(`/v1/payments/${res.json.paymentId}`, { token: citizenToken });
    expect(payment.json).toMatchObject({ status: 'succeeded', dossierNos: [a, b], amount: dueA + dueB });
    for (const no of [a, b]) {
      const receipts = await until(() => api(`/v1/dossiers/${no}/receipts`, { token: citizenToken }), (r) => r.status === 200 && r.json.items.length > 0, 30_000);
      expect(receipts.json.items.reduce((sum: number, r: { amount: number }) => sum + r.amount, 0)).toBe(no === a ? dueA : dueB);
    }

    // Refunds stay per dossier: the agency names the dossier, and gets at most its share back.
    const refund = (body: Record<string, unknown>) =>
      api(`/v1/payments/${res.json.paymentId}/refunds`, { token: agencyToken, headers: { 'idempotency-key': randomUUID() }, body: { reason: 'Hồ sơ bị từ chối', ...body } });
    const unnamed = await refund({ amount: 1_000 });
    expect([unnamed.status, unnamed.json.error.details.map((d: { path: string }) => d.path)]).toEqual([400, ['dossierNo']]);
    const refunded = await until(() => refund({ amount: dueB, dossierNo: b }), (r) => r.json?.error?.code !== 'MONEY_NOT_BOOKED_YET', 30_000);
    expect(refunded.status, refunded.text).toBe(201);
    expect(refunded.json).toMatchObject({ dossierNo: b, amount: dueB, scope: 'partial' });
    expect((await refund({ amount: 1, dossierNo: b })).json.error.code).toBe('REFUND_EXCEEDS_PAYMENT');
  }, 90_000);

  it('pays a basket by one VietQR transfer of the total; the national platform, one dossier per payment, refuses a basket by name', async () => {
    const [a, b] = [await registerOwing(), await registerOwing()];
    const res = await payBasket([a, b], randomUUID(), 'vietqr');
    expect(res.status, res.text).toBe(201);
    const transfer = await api('/sandbox/vietqr/transfer', { body: { reference: res.json.qr.memo, amount: res.json.amount } });
    expect(JSON.parse(transfer.json.webhookResponse), transfer.text).toEqual({ result: 'applied' });
    for (const no of [a, b]) await until(() => dossier(no), (d) => d.status === 'PROCESSING', 30_000);

    const [c, d] = [await registerOwing(), await registerOwing()];
    const platform = await payBasket([c, d], randomUUID(), 'national_platform');
    expect([platform.status, platform.json.error.details.map((x: { path: string }) => x.path)]).toEqual([400, ['provider']]);
    // Nothing was kept: the same dossiers are paid together at once through another provider.
    expect((await payBasket([c, d])).status).toBe(201);
  }, 60_000);

  it('settles neither dossier on a tampered amount, answers 04 and raises one amount_mismatch, open on each dossier', async () => {
    const [a, b] = [await registerOwing(), await registerOwing()];
    const res = await payBasket([a, b]);
    expect(res.status, res.text).toBe(201);
    const tampered = ipnParams(txnRefOf(res.json.redirectUrl), res.json.shares[0].amount);
    expect((await ipn(tampered)).RspCode).toBe('04');
    expect((await ipn(tampered)).RspCode).toBe('04');

    // Listed once in the agency's queue, linked to both dossiers: each shows it open until it is resolved.
    const exceptions = await api(`/v1/finance/exceptions?agencyCode=${agency}&status=open`, { token: agencyToken });
    const mine = (exceptions.json.items as FinanceException[]).filter((e) => e.paymentId === res.json.paymentId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'amount_mismatch', amount: res.json.shares[0].amount, dossierNo: a, dossierNos: [a, b] })]);
    for (const no of [a, b]) expect(await dossier(no)).toMatchObject({ status: 'AWAITING_PAYMENT', payments: [], openFinanceExceptions: 1 });
    expect((await api(`/v1/payments/${res.json.paymentId}`, { token: citizenToken })).json.status).toBe('pending');
    const resolved = await api(`/v1/finance/exceptions/${mine[0]!.exceptionId}/resolution`, { token: agencyToken, body: { kind: 'note', note: 'Hoàn tiền tại quầy' } });
    expect(resolved.status, resolved.text).toBe(200);
    for (const no of [a, b]) expect((await dossier(no)).openFinanceExceptions).toBe(0);
  }, 60_000);

  it('refuses a dossier of another citizen (403, named by its position) and creates nothing', async () => {
    const [mine, theirs] = [await registerOwing(), await registerOwing(OTHER_CITIZEN)];
    const res = await payBasket([mine, theirs]);
    expect(res.status, res.text).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'DOSSIER_NOT_YOURS', details: [{ path: 'dossierNos.1', message: `${theirs} is not a dossier of yours` }] });
    // Nothing was locked: the citizen's own dossier can be paid alone at once.
    expect((await api(`/v1/dossiers/${mine}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } })).status).toBe(201);
  }, 60_000);

  it('refuses a repeated dossier and a dossier already in another live payment, naming each', async () => {
    const [a, b] = [await registerOwing(), await registerOwing()];
    const repeated = await payBasket([a, b, a]);
    expect(repeated.status).toBe(400);
    expect(repeated.json.error.details).toEqual([{ path: 'dossierNos.2', message: `${a} is already listed at dossierNos.0` }]);
    const alone = await api(`/v1/dossiers/${b}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    const res = await payBasket([a, b]);
    expect(res.status, res.text).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'DOSSIERS_NOT_PAYABLE', details: [{ path: 'dossierNos.1', message: expect.stringContaining(alone.json.paymentId) }] });
  }, 60_000);
});
