import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalHash } from '../../shared/platform/kernel/canonical';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { expirePayments } from '../../shared/modules/payments/use-cases/expire-payments';
import { agencyAndCitizen, api, devToken, registerOnlineDossier } from '../support/api-client';
import { documents, dossierStore, sqs, uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, sandbox, sandboxProviders, txnRefOf } from '../support/payments';

const CITIZEN = '079099012345';
let agency: string;
let agencyToken: string;
let citizenToken: string;
const store = dossierStore();
const payments = new DynamoPaymentStore(documents(), inject('tableName'));
const queue = sqs();
afterAll(() => queue.destroy());

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const registerOwing = (inputs?: Record<string, unknown>, procedureCode?: string) =>
  registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Lê Văn C', phone: '0912000111' }, uniqueCode('H31.26'), { inputs, procedureCode });

const pay = (no: string, provider = 'vnpay', key: string = randomUUID(), token = citizenToken, url = returnUrl()) =>
  api(`/v1/dossiers/${no}/payments`, { token, headers: { 'idempotency-key': key }, body: { provider, returnUrl: url } });

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);

describe('POST /v1/dossiers/{no}/payments', () => {
  it('starts a VNPay payment for the amount due with a signed redirect in GMT+7, ×100 only on the wire', async () => {
    const no = await registerOwing();
    const res = await pay(no);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ amount: 5_000, status: 'pending', provider: 'vnpay', currency: 'VND' });
    const url = new URL(res.json.redirectUrl);
    expect(url.searchParams.get('vnp_Amount')).toBe('500000');
    expect(url.searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    const created = new Date(res.json.createdAt);
    const expected = new Date(created.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    expect(url.searchParams.get('vnp_CreateDate')).toBe(expected);
    expect(new Date(res.json.expiresAt).getTime() - created.getTime()).toBe(15 * 60_000);
  });

  it('answers the same key and body with the same payment, another body with 409, and never makes two live payments', async () => {
    const no = await registerOwing();
    const key = randomUUID();
    const first = await pay(no, 'vnpay', key);
    const again = await pay(no, 'vnpay', key);
    expect(again.status).toBe(first.status);
    expect(again.json).toEqual(first.json);
    const otherBody = await pay(no, 'vietqr', key);
    expect(otherBody.status).toBe(409);
    expect(otherBody.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherKey = await pay(no, 'vnpay');
    expect(otherKey.status).toBe(200);
    expect(otherKey.json.paymentId).toBe(first.json.paymentId);
  });

  it('makes one payment from concurrent requests with one key', async () => {
    const no = await registerOwing();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(no, 'vnpay', key)));
    expect(new Set(results.map((r) => r.json.paymentId)).size).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
  });

  it('requires an Idempotency-Key and refuses what cannot be paid', async () => {
    const no = await registerOwing();
    const missing = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toContainEqual(expect.objectContaining({ path: 'idempotency-key' }));
    const free = await registerOwing({ onTime: true }, '1.001193');
    const nothing = await pay(free);
    expect(nothing.status).toBe(409);
    expect(nothing.json.error.code).toBe('NOT_AWAITING_PAYMENT');
    const stranger = await pay(no, 'vnpay', randomUUID(), await devToken({ role: 'citizen', sub: '001001001001' }));
    expect(stranger.status).toBe(404);
  });

  it('gives a VietQR payment an EMVCo payload for the exact amount and a reference', async () => {
    const no = await registerOwing();
    const res = await pay(no, 'vietqr');
    expect(res.json.qr.payload).toMatch(/^000201/);
    expect(res.json.qr.payload).toContain('5802VN');
    expect(res.json.qr.payload).toContain(`54${String(5000).length.toString().padStart(2, '0')}5000`);
    expect(res.json.qr.payload).toContain(res.json.qr.memo);
  });
});

describe('Return URL, amount and idempotency edges', () => {
  const PORTAL = 'https://portal.example.vn'; // the CORS origin of the test runtime (global-setup)

  it.each([
    ['http on a public host', 'http://portal.example.vn/ket-qua'],
    ['another host', 'https://evil.example/ket-qua'],
    ['a look-alike host', 'https://portal.example.vn.evil.com/ket-qua'],
    ['userinfo', 'https://portal.example.vn@evil.example/ket-qua'],
    ['javascript:', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example/ket-qua'],
  ])('refuses a returnUrl with %s: 400 naming returnUrl, no payment made', async (_case, url) => {
    const no = await registerOwing();
    const res = await pay(no, 'vnpay', randomUUID(), citizenToken, url);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(['returnUrl']);
    const ok = await pay(no, 'vnpay', randomUUID(), citizenToken, `${PORTAL}/thanh-toan/ket-qua`);
    expect(ok.status).toBe(201); // nothing was left behind by the refusal
  });

  it('redirects from the return link only to the stored returnUrl, and not at all to one no longer allowed', async () => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no, 'vnpay', randomUUID(), citizenToken, `${PORTAL}/ket-qua`)).json;
    const params = ipnParams(txnRefOf(redirectUrl), 5_000);
    const res = await api(`/v1/callbacks/vnpay/return?${new URLSearchParams({ ...params, returnUrl: 'https://evil.example/' })}`);
    expect(new URL(res.headers.get('location')!).origin).toBe(PORTAL);
    // A payment stored before the rule with an open-redirect target.
    await documents().send(new UpdateCommand({ TableName: inject('tableName'), Key: { pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' }, UpdateExpression: 'SET returnUrl = :u', ExpressionAttributeValues: { ':u': 'http://portal.example.vn@evil.example/' } }));
    const legacy = await api(`/v1/callbacks/vnpay/return?${new URLSearchParams(params)}`);
    expect(legacy.status).toBe(422);
    expect(legacy.headers.get('location')).toBeNull();
  });

  it('takes over an idempotency key whose request crashed longer ago than the lease, but waits for one still within it', async () => {
    const no = await registerOwing();
    const request = { provider: 'vnpay', returnUrl: returnUrl() };
    const record = (key: string, ageSeconds: number) => {
      const started = Math.floor(Date.now() / 1000) - ageSeconds;
      return documents().send(new PutCommand({
        TableName: inject('tableName'),
        Item: { pk: `IDEMP#${CITIZEN}#${key}`, sk: 'IDEMP', requestHash: canonicalHash({ dossierNo: no, request }), state: 'in_progress', leaseUntil: started + 60, ttl: started + 48 * 3600 },
      }));
    };
    const crashed = randomUUID();
    await record(crashed, 61);
    const retried = await pay(no, 'vnpay', crashed);
    expect(retried.status, retried.text).toBe(201);
    expect((await pay(no, 'vnpay', crashed)).json).toEqual(retried.json); // and the key now answers that payment

    const running = randomUUID();
    await record(running, 1);
    const concurrent = await pay(no, 'vnpay', running);
    expect(concurrent.status).toBe(409);
    expect(concurrent.json.error.code).toBe('REQUEST_IN_PROGRESS');
  }, 30_000);
});

describe('GET /v1/callbacks/vnpay/ipn', () => {
  it('confirms a success (00), moves the dossier on, then answers a replay 02', async () => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    const params = ipnParams(txnRefOf(redirectUrl), 5_000);
    expect(await ipn(params)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect((await api(`/v1/payments/${paymentId}`, { token: citizenToken })).json.status).toBe('succeeded');
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    expect((await ipn(params)).RspCode).toBe('02');
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 5_000))).RspCode).toBe('02'); // another transaction number
    const after = await dossier(no);
    expect(after.payments).toHaveLength(1);
  });

  it.each([
    ['a bad hash', (ref: string) => ({ ...ipnParams(ref, 5_000), vnp_SecureHash: 'a'.repeat(128) }), '97'],
    ['an altered amount (not re-signed)', (ref: string) => ({ ...ipnParams(ref, 5_000), vnp_Amount: '100' }), '97'],
    ['an altered TxnRef (not re-signed)', (ref: string) => ({ ...ipnParams(ref, 5_000), vnp_TxnRef: 'OTHER' }), '97'],
    ['the wrong secret', (ref: string) => ipnParams(ref, 5_000, {}, 'not-the-secret'), '97'],
    ['an unknown order', () => ipnParams('NOSUCHORDER123', 5_000), '01'],
    ['a signed wrong amount', (ref: string) => ipnParams(ref, 4_000), '04'],
    ['an amount that is not ×100', (ref: string) => ipnParams(ref, 5_000, { vnp_Amount: '500050' }), '04'],
  ])('answers %s with %s and leaves the payment pending', async (_case, build, code) => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    expect((await ipn(build(txnRefOf(redirectUrl)))).RspCode).toBe(code);
    expect((await api(`/v1/payments/${paymentId}`, { token: citizenToken })).json.status).toBe('pending');
    expect((await dossier(no)).status).toBe('AWAITING_PAYMENT');
  });

  it('flags a signed wrong amount for refund review, never as paid', async () => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    await ipn(ipnParams(txnRefOf(redirectUrl), 9_000));
    expect((await payments.get(paymentId))?.refundReview?.reason).toMatch(/9000/);
  });

  it.each([
    ['a failure', { vnp_ResponseCode: '51', vnp_TransactionStatus: '02' }, 'failed'],
    ['a cancel by the customer', { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }, 'cancelled'],
    ['ResponseCode 00 without TransactionStatus 00', { vnp_ResponseCode: '00', vnp_TransactionStatus: '02' }, 'failed'],
  ])('records %s and answers 00 so the gateway stops retrying', async (_case, overrides, status) => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 5_000, overrides))).RspCode).toBe('00');
    expect((await api(`/v1/payments/${paymentId}`, { token: citizenToken })).json.status).toBe(status);
    expect((await dossier(no)).status).toBe('AWAITING_PAYMENT');
  });

  it('records cancellations of two payments though both carry TransactionNo 0, and lets a new payment start at once with another provider', async () => {
    const [first, second] = [await registerOwing(), await registerOwing()];
    const a = (await pay(first)).json;
    const b = (await pay(second)).json;
    const cancel = { vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' };
    expect((await ipn(ipnParams(txnRefOf(a.redirectUrl), 5_000, cancel))).RspCode).toBe('00');
    expect((await ipn(ipnParams(txnRefOf(b.redirectUrl), 5_000, cancel))).RspCode).toBe('00');
    expect((await payments.get(a.paymentId))?.status).toBe('cancelled');
    expect((await payments.get(b.paymentId))?.status).toBe('cancelled');
    const again = await pay(second, 'vietqr');
    expect(again.status, again.text).toBe(201);
    expect(again.json).toMatchObject({ provider: 'vietqr', status: 'pending' });
    expect(again.json.paymentId).not.toBe(b.paymentId);
  });

  it('frees the dossier after a cancel even when the lock release was lost (crash after the settlement)', async () => {
    const no = await registerOwing();
    const cancelled = (await pay(no)).json;
    await ipn(ipnParams(txnRefOf(cancelled.redirectUrl), 5_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }));
    // Put back the lock the settlement released, as a crash before the release would have left it.
    await documents().send(new PutCommand({ TableName: inject('tableName'), Item: { pk: `DOSSIER#${no}`, sk: 'PAYMENT_LOCK', paymentId: cancelled.paymentId, expiresAt: cancelled.expiresAt } }));
    const next = await pay(no, 'vietqr');
    expect(next.status, next.text).toBe(201);
    expect(next.json.paymentId).not.toBe(cancelled.paymentId);
  });

  it('settles money taken after a cancel as a late success that the dossier applies while awaiting payment', async () => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    await ipn(ipnParams(txnRefOf(redirectUrl), 5_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }));
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 5_000))).RspCode).toBe('00');
    expect((await payments.get(paymentId))?.status).toBe('succeeded');
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
  });

  it('turns 100 concurrent duplicate IPNs into exactly one success applied once to the dossier', async () => {
    const no = await registerOwing();
    const { redirectUrl } = (await pay(no)).json;
    const params = ipnParams(txnRefOf(redirectUrl), 5_000);
    const replies = await Promise.all(Array.from({ length: 100 }, () => ipn(params)));
    expect(replies.filter((r) => r.RspCode === '00')).toHaveLength(1);
    expect(replies.filter((r) => r.RspCode === '02')).toHaveLength(99);
    const done = await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    await new Promise((r) => setTimeout(r, 1_000));
    const final = await dossier(no);
    expect(final.timeline.filter((t: any) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
    expect(done.payments).toHaveLength(1);
  }, 60_000);
});

describe('GET /v1/callbacks/vnpay/return', () => {
  it('verifies, changes nothing and redirects to the portal with the recorded status', async () => {
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    const params = ipnParams(txnRefOf(redirectUrl), 5_000);
    const res = await api(`/v1/callbacks/vnpay/return?${new URLSearchParams(params)}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('paymentId')).toBe(paymentId);
    expect(location.searchParams.get('status')).toBe('pending'); // the return changes nothing; only the IPN does
    expect((await payments.get(paymentId))?.status).toBe('pending');
    const tampered = await api(`/v1/callbacks/vnpay/return?${new URLSearchParams({ ...params, vnp_ResponseCode: '24' })}`);
    expect(tampered.status).toBe(400);
  });
});

describe('POST /v1/callbacks/vietqr', () => {
  const post = (body: string, signature: string | undefined) =>
    api('/v1/callbacks/vietqr', { rawBody: body, headers: signature ? { 'x-signature': signature } : {} });
  const now = () => Math.floor(Date.now() / 1000);
  const secret = sandbox.vietqrWebhookSecrets[0]!;
  const notification = (reference: string, amount: number) =>
    JSON.stringify({ eventId: randomUUID(), reference, amount, transactionId: `FT${randomUUID().slice(0, 8)}`, paidAt: new Date().toISOString() });

  it('applies a signed transfer once and answers a replay as a duplicate', async () => {
    const no = await registerOwing();
    const { qr } = (await pay(no, 'vietqr')).json;
    const body = notification(qr.memo, 5_000);
    const first = await post(body, signatureHeader(secret, now(), body));
    expect(first.json).toEqual({ result: 'applied' });
    expect((await post(body, signatureHeader(secret, now(), body))).json).toEqual({ result: 'duplicate' });
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
  });

  it.each([
    ['no signature', (b: string) => [b, undefined]],
    ['a stale timestamp', (b: string) => [b, signatureHeader(secret, now() - 301, b)]],
    ['the wrong secret', (b: string) => [b, signatureHeader('other', now(), b)]],
    ['a re-serialised body', (b: string) => [JSON.stringify(JSON.parse(b), null, 2), signatureHeader(secret, now(), b)]],
    ['an altered amount', (b: string) => [b.replace('"amount":5000', '"amount":50'), signatureHeader(secret, now(), b)]],
  ] as const)('refuses %s with 401 and changes nothing', async (_case, tamper) => {
    const no = await registerOwing();
    const { qr, paymentId } = (await pay(no, 'vietqr')).json;
    const [body, signature] = tamper(notification(qr.memo, 5_000)) as [string, string | undefined];
    const res = await post(body, signature);
    expect(res.status).toBe(401);
    expect((await payments.get(paymentId))?.status).toBe('pending');
  });

  it('reports a wrong amount and an unknown reference without marking anything paid', async () => {
    const no = await registerOwing();
    const { qr, paymentId } = (await pay(no, 'vietqr')).json;
    const wrong = notification(qr.memo, 4_000);
    expect((await post(wrong, signatureHeader(secret, now(), wrong))).json).toEqual({ result: 'amount_mismatch' });
    const unknown = notification('TTNOSUCHREF', 5_000);
    expect((await post(unknown, signatureHeader(secret, now(), unknown))).json).toEqual({ result: 'unmatched' });
    expect((await payments.get(paymentId))?.status).toBe('pending');
  });
});

describe('Expiry', () => {
  const deps = () => ({
    payments,
    clock: { now: () => new Date(Date.now() + 20 * 60_000) },
    providers: sandboxProviders(),
  });

  it('asks the gateway first: a payment it took (IPN lost) is settled as paid, one it never saw expires', async () => {
    const paidNo = await registerOwing();
    const paid = (await pay(paidNo)).json;
    const form = new URLSearchParams({ ...Object.fromEntries(new URL(paid.redirectUrl).searchParams), outcome: 'success', deliverIpn: 'no' });
    await api('/sandbox/vnpay/pay', { rawBody: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const unpaidNo = await registerOwing();
    const unpaid = (await pay(unpaidNo)).json;

    await expirePayments(deps(), deps().clock);

    expect((await payments.get(paid.paymentId))?.status).toBe('succeeded');
    expect((await payments.get(unpaid.paymentId))?.status).toBe('expired');
    await until(() => dossier(paidNo), (d) => d.status === 'PROCESSING');
    // An expired payment frees the dossier for a new one.
    expect((await pay(unpaidNo)).status).toBe(201);
  }, 60_000);

  it('still records a success that arrives after expiry and applies it while the dossier awaits payment', async () => {
    const no = await registerOwing();
    const payment = (await pay(no)).json;
    await expirePayments(deps(), deps().clock);
    expect((await payments.get(payment.paymentId))?.status).toBe('expired');
    expect((await ipn(ipnParams(txnRefOf(payment.redirectUrl), 5_000))).RspCode).toBe('00');
    expect((await payments.get(payment.paymentId))?.status).toBe('succeeded');
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
  }, 60_000);
});

describe('No lost transition', () => {
  it('gets PaymentSucceeded to the dossier from the payment write alone: the request publishes nothing, the table\u2019s stream does', async () => {
    const { settlePayment } = await import('../../shared/modules/payments/use-cases/settle-payment');
    const no = await registerOwing();
    const { redirectUrl, paymentId } = (await pay(no)).json;
    // The process may die right after this write: nothing else of the request is needed.
    const result = await settlePayment({ payments, clock: { now: () => new Date() } }, {
      provider: 'vnpay', ref: txnRefOf(redirectUrl), amount: 5_000, outcome: 'succeeded', transactionId: '99887766', kind: 'callback', received: {},
    });
    expect(result).toBe('applied');
    expect((await payments.get(paymentId))?.status).toBe('succeeded');
    // The gateway's retry answers 02 and publishes nothing either.
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 5_000, { vnp_TransactionNo: '99887766' }))).RspCode).toBe('02');
    const moved = await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    expect(moved.payments).toEqual([expect.objectContaining({ paymentId, status: 'succeeded' })]);
  });
});
