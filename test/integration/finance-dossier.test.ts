import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoFinanceStore } from '../../shared/modules/finance/dynamodb';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import type { FinanceException } from '../../shared/modules/finance';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { documents, uniqueCode } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';

/**
 * Money needing attention is visible on its dossier: a VNPay IPN of the wrong amount answers 04,
 * raises an amount_mismatch in the agency's exceptions queue (once, however often it is replayed),
 * and the dossier counts it open until an officer resolves it.
 */
const CITIZEN = '079099012346';
let agency: string;
let agencyToken: string;
let citizenToken: string;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const registerOwing = () => registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Lê Văn C', phone: '0912000111' }, uniqueCode('H31.26'));

const openExceptions = async () => {
  const res = await api(`/v1/finance/exceptions?agencyCode=${agency}&status=open`, { token: agencyToken });
  expect(res.status, res.text).toBe(200);
  return res.json.items as FinanceException[];
};
const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);

describe('a VNPay amount mismatch on its dossier', () => {
  it('answers 04, queues one amount_mismatch, counts it on the dossier, and 0 once resolved with a note', async () => {
    const no = await registerOwing();
    expect((await dossier(no)).openFinanceExceptions).toBe(0);
    const pay = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect(pay.status, pay.text).toBe(201);
    const { redirectUrl, paymentId } = pay.json;
    const params = ipnParams(txnRefOf(redirectUrl), 9_000);

    expect((await ipn(params)).RspCode).toBe('04');
    expect((await ipn(params)).RspCode).toBe('04'); // the gateway retries 04: nothing new is raised

    const items = (await openExceptions()).filter((e) => e.paymentId === paymentId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'amount_mismatch', amount: 9_000, dossierNo: no, provider: 'vnpay', status: 'open' });
    expect((await dossier(no)).openFinanceExceptions).toBe(1);

    const resolved = await api(`/v1/finance/exceptions/${items[0]!.exceptionId}/resolution`, { token: agencyToken, body: { kind: 'note', note: 'citizen refunded at the counter' } });
    expect(resolved.status, resolved.text).toBe(200);
    expect((await dossier(no)).openFinanceExceptions).toBe(0);
    expect((await openExceptions()).filter((e) => e.paymentId === paymentId)).toHaveLength(0);
  });

  it('raises nothing for a cancelled attempt of the wrong amount (no money was taken)', async () => {
    const no = await registerOwing();
    const { redirectUrl } = (await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } })).json;
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 9_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).RspCode).toBe('04');
    expect((await dossier(no)).openFinanceExceptions).toBe(0);
  });
});

describe('a second bank transfer under a settled payment’s reference', () => {
  it('is a second success on its dossier, refunded from that transfer’s money alone (manual, confirmed), leaving the fees paid', async () => {
    // Prepare: a VietQR payment settled by a first transfer through the sandbox bank.
    const no = await registerOwing();
    const pay = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vietqr', returnUrl: returnUrl() } });
    expect(pay.status, pay.text).toBe(201);
    const { paymentId } = pay.json;
    const reference = (await new DynamoPaymentStore(documents(), inject('tableName')).get(paymentId))!.providerRef;
    const transfer = async () => JSON.parse(((await (await fetch(`${inject('baseUrl')}/sandbox/vietqr/transfer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference, amount: 5_000 }) })).json()) as { webhookResponse: string }).webhookResponse);

    // Act: the citizen transfers again with the same content.
    expect(await transfer()).toEqual({ result: 'applied' });
    expect(await transfer()).toEqual({ result: 'duplicate' });

    // Assess
    const [second] = (await openExceptions()).filter((e) => e.paymentId === paymentId);
    expect(second).toMatchObject({ kind: 'second_success', amount: 5_000, dossierNo: no });
    expect((await dossier(no)).openFinanceExceptions).toBe(1);
    const refund = await api(`/v1/payments/${paymentId}/refunds`, { token: agencyToken, headers: { 'idempotency-key': randomUUID() }, body: { amount: 5_000, reason: 'Chuyển khoản hai lần', exceptionId: second!.exceptionId } });
    expect(refund.status, refund.text).toBe(201);
    expect(refund.json).toMatchObject({ method: 'manual', status: 'requested', scope: 'full' });
    const confirmed = await api(`/v1/payments/${paymentId}/refunds/${refund.json.refundId}/confirmation`, {
      token: agencyToken, body: { bankName: 'VCB', accountNo: '0011001234567', accountName: 'LE VAN C', officer: 'Nguyễn Thị F', transferReference: 'FT-HOAN-1' },
    });
    expect(confirmed.json).toMatchObject({ status: 'refunded' });
    expect((await dossier(no)).openFinanceExceptions).toBe(0);
    expect((await api(`/v1/payments/${paymentId}/refunds`, { token: agencyToken })).json.refundable).toBe(5_000);
  });

  it('of a wrong amount is a second success of its own money too: the paid payment is not put under review', async () => {
    const no = await registerOwing();
    const pay = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vietqr', returnUrl: returnUrl() } });
    const { paymentId } = pay.json;
    const payments = new DynamoPaymentStore(documents(), inject('tableName'));
    const reference = (await payments.get(paymentId))!.providerRef;
    const transfer = async (amount: number) => JSON.parse((await api('/sandbox/vietqr/transfer', { body: { reference, amount } })).json.webhookResponse);

    expect(await transfer(5_000)).toEqual({ result: 'applied' });
    expect(await transfer(7_000)).toEqual({ result: 'duplicate' });

    expect((await openExceptions()).filter((e) => e.paymentId === paymentId)).toEqual([expect.objectContaining({ kind: 'second_success', amount: 7_000, dossierNo: no })]);
    expect(await payments.get(paymentId)).toMatchObject({ status: 'succeeded' });
    expect((await payments.get(paymentId))!.refundReview).toBeUndefined();
    expect((await dossier(no)).openFinanceExceptions).toBe(1);
  });
});

describe('DynamoFinanceStore.countOpenForDossier', () => {
  const store = new DynamoFinanceStore(documents(), inject('tableName'));
  const exception = (id: string, dossierNo?: string): FinanceException => ({
    exceptionId: id, kind: 'unmatched_transfer', status: 'open', agencyCode: 'HP-STP', provider: 'vietqr', amount: 1_000, reason: 'test', openedAt: new Date().toISOString(),
    ...(dossierNo ? { dossierNo } : {}), version: 0,
  });

  it('counts only the open exceptions of that dossier, once each, and follows a manual match', async () => {
    const no = uniqueCode('H31.26');
    const other = uniqueCode('H31.26');
    const [a, b, c, loose] = ['a', 'b', 'c', 'loose'].map((k) => `exc_test_${k}_${randomUUID()}`) as [string, string, string, string];
    expect(await store.countOpenForDossier(no)).toBe(0);
    await store.openException(exception(a, no));
    expect(await store.openException(exception(a, no))).toBe(false); // raised again: still one
    await store.openException(exception(b, no));
    await store.openException(exception(c, other));
    await store.openException(exception(loose));
    expect(await store.countOpenForDossier(no)).toBe(2);

    const before = (await store.getException(a))!;
    const at = new Date().toISOString();
    await store.resolveException(before, { ...before, status: 'resolved', resolution: { kind: 'note', by: 'agency:HP-STP', at, note: 'ok' }, version: 1 });
    expect(await store.countOpenForDossier(no)).toBe(1);

    // Money matched to the dossier arrives resolved: it is not counted open.
    const looseBefore = (await store.getException(loose))!;
    await store.resolveException(looseBefore, { ...looseBefore, status: 'resolved', dossierNo: no, resolution: { kind: 'manual_match', by: 'agency:HP-STP', at, note: 'matched', dossierNo: no }, version: 1 });
    expect(await store.countOpenForDossier(no)).toBe(1);
    expect(await store.countOpenForDossier(other)).toBe(1);
  });
});
