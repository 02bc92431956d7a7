import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import type { Payment } from '../../shared/modules/payments/domain/payment';
import { NationalPlatformProvider } from '../../shared/modules/payments/providers/national-platform/provider';
import { verifyMaXacThuc, type WireFields } from '../../shared/modules/payments/providers/national-platform/protocol';
import { expirePayments } from '../../shared/modules/payments/use-cases/expire-payments';
import type { FinanceException } from '../../shared/modules/finance';
import { platformConfirm } from '../../local/sandboxes/national-platform-sandbox';
import { agencyAndCitizen, api, registerEnterpriseAtCounter } from '../support/api-client';
import { documents, dossierStore, sqs, uniqueCode, until } from '../support/emulators';
import { returnUrl, sandbox, sandboxProviders } from '../support/payments';

/**
 * The national payment platform through the local runtime and its sandbox platform: INIT, the
 * payment page, the signed Confirm, QUERY with backoff, and what follows a payment (the dossier moves
 * on, two e-receipts appear). The wire format is read in public code, not an official specification.
 */
const CITIZEN = '079099054322';
const payments = new DynamoPaymentStore(documents(), inject('tableName'));
const queue = sqs();
afterAll(() => queue.destroy());
let agency: string;
let agencyToken: string;
let citizenToken: string;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

/** Enterprise registration at the counter, paid online: 100,000 phí + 50,000 lệ phí (two receipts). */
const registerEnterprise = () => registerEnterpriseAtCounter(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Trần Thị Bích Ngọc', phone: '0912000333' }, uniqueCode('H31.27'));

async function payWithPlatform(no: string) {
  const res = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'national_platform', returnUrl: returnUrl() } });
  expect(res.status, res.text).toBe(201);
  return res.json as { paymentId: string; redirectUrl: string; amount: number; createdAt: string; expiresAt: string };
}

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);
const stored = async (paymentId: string) => (await payments.get(paymentId)) as Payment;
const confirm = (body: WireFields) => api('/v1/callbacks/national-platform/confirm', { body }).then((r) => ({ status: r.status, reply: r.json as WireFields }));
const vietnamTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d).*$/, '$3/$2/$1 $4');

describe('Paying through the sandbox national platform', () => {
  it('redirects to the platform page, settles on its Confirm (→ PROCESSING) and two receipt PDFs appear', async () => {
    // Prepare
    const no = await registerEnterprise();
    const { paymentId, redirectUrl, amount, createdAt } = await payWithPlatform(no);
    expect(amount).toBe(150_000);
    expect(redirectUrl).toMatch(new RegExp(`^${inject('baseUrl')}/sandbox/national-platform/pay/`));

    // The payment page: Vietnamese, Viet Nam time, fit for a phone, the fee lines of the INIT.
    const pageRes = await fetch(redirectUrl);
    const html = await pageRes.text();
    expect(pageRes.status).toBe(200);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('lang="vi"');
    for (const text of ['Lệ phí đăng ký doanh nghiệp', 'Phí công bố nội dung đăng ký doanh nghiệp', '150.000 VND', `${vietnamTime(createdAt)}</span> (giờ Việt Nam)`, no]) expect(html).toContain(text);

    // Act: the citizen pays; the platform posts its Confirm and sends the browser back to the portal.
    const paid = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ outcome: 'success' }), redirect: 'manual' });

    // Assess
    expect(paid.status).toBe(302);
    expect(paid.headers.get('location')).toBe(`${returnUrl()}?paymentId=${paymentId}`);
    expect(await stored(paymentId)).toMatchObject({ status: 'succeeded', provider: 'national_platform', providerTransactionId: expect.stringMatching(/^PP\d+$/) });
    await until(() => dossier(no), (d) => d.status === 'PROCESSING', 30_000);
    const listed = await until(() => api(`/v1/dossiers/${no}/receipts`, { token: citizenToken }), (r) => r.status === 200 && r.json.items.length === 2, 30_000);
    const items = listed.json.items as { kind: string; amount: number; pdfUrl: string }[];
    expect(items.map((r) => [r.kind, r.amount]).sort()).toEqual([['charge', 50_000], ['fee', 100_000]]);
    for (const receipt of items) expect(Buffer.from(await (await fetch(receipt.pdfUrl)).arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);
});

describe('An INIT the platform does not answer', () => {
  it('answers 502 PROVIDER_UNAVAILABLE in the caller\u2019s language, keeps nothing, and the same key pays once the platform is back', async () => {
    // Prepare: the sandbox platform answers this dossier's INIT with 503.
    const no = await registerEnterprise();
    const outage = (down: boolean) => api('/sandbox/national-platform/outage', { method: 'PUT', body: { down, dossierNo: no } });
    expect((await outage(true)).status).toBe(200);
    const key = randomUUID();
    const pay = (language: string) => api(`/v1/dossiers/${no}/payments`, {
      token: citizenToken, headers: { 'idempotency-key': key, 'accept-language': language }, body: { provider: 'national_platform', returnUrl: returnUrl() },
    });
    try {
      // Act
      const refused = await pay('vi-VN,vi;q=0.9');
      const again = await pay('en');

      // Assess: a 502 naming the provider field, twice (the key was given back, not held as in progress).
      for (const res of [refused, again]) expect([res.status, res.json.error.code, res.json.error.details]).toEqual([502, 'PROVIDER_UNAVAILABLE', [{ path: 'provider', message: expect.stringContaining('national_platform did not start the payment') }]]);
      expect(refused.json.error.message).toMatch(/^Đơn vị thanh toán chưa khởi tạo được giao dịch/);
      expect(again.json.error.message).toMatch(/^The payment provider did not start the payment/);
      // Nothing half-written: no payment holds the dossier's lock.
      expect(await payments.livePaymentOf(no, new Date())).toBeUndefined();
    } finally {
      await outage(false);
    }
    // The same key and body: a new payment (201), neither a replay nor "in progress".
    const paid = await pay('vi');
    expect(paid.status, paid.text).toBe(201);
    expect(paid.json).toMatchObject({ provider: 'national_platform', status: 'pending', redirectUrl: expect.stringContaining('/sandbox/national-platform/pay/') });
  }, 60_000);
});

describe('The Confirm callback', () => {
  const ourReplyIsSigned = (reply: WireFields, theirs: unknown) =>
    verifyMaXacThuc(reply, 'confirmReply', sandbox.nationalPlatformSecret) && reply.MaXacThuc !== theirs && reply.MaDoiTac === sandbox.nationalPlatformPartnerCode;

  async function started() {
    const no = await registerEnterprise();
    const payment = await payWithPlatform(no);
    const ref = (await stored(payment.paymentId)).providerRef;
    const init = { MaDoiTac: sandbox.nationalPlatformPartnerCode, MaThamChieu: ref, SoTien: '150000', ThongTinGiaoDich: `Thanh toan phi ho so ${no}` };
    return { no, payment, ref, init };
  }

  it('refuses forged and tampered Confirms with a 97 signed by us, and settles nothing', async () => {
    const { payment, init } = await started();
    const genuine = platformConfirm(sandbox.nationalPlatformSecret, init, { ok: true, transactionNo: `PP${Date.now()}`, at: new Date() });
    const forged = platformConfirm('guessed-secret', init, { ok: true, transactionNo: 'PP1', at: new Date() });
    for (const body of [forged, { ...genuine, SoTien: '1500' }, { ...genuine, MaThamChieu: 'SOMETHINGELSE' }, { ...genuine, MaXacThuc: undefined }]) {
      const { status, reply } = await confirm(body);
      expect(status).toBe(200);
      expect(reply.MaLoi).toBe('97');
      expect(ourReplyIsSigned(reply, body.MaXacThuc)).toBe(true);
    }
    expect((await stored(payment.paymentId)).status).toBe('pending');
  }, 60_000);

  it('applies a genuine Confirm once: its replay answers 02 and changes nothing', async () => {
    const { no, payment, init } = await started();
    const body = platformConfirm(sandbox.nationalPlatformSecret, init, { ok: true, transactionNo: `PP${Date.now()}`, at: new Date() });
    const first = await confirm(body);
    expect(first.reply.MaLoi).toBe('00');
    expect(ourReplyIsSigned(first.reply, body.MaXacThuc)).toBe(true);
    const version = (await stored(payment.paymentId)).version;
    expect((await confirm(body)).reply.MaLoi).toBe('02');
    expect((await stored(payment.paymentId)).version).toBe(version);
    await until(() => dossier(no), (d) => d.status === 'PROCESSING', 30_000);
  }, 60_000);

  it('answers a wrong amount 04 and raises one amount_mismatch in the exceptions queue, however often it is replayed', async () => {
    const { no, payment, init } = await started();
    const body = platformConfirm(sandbox.nationalPlatformSecret, { ...init, SoTien: '15000' }, { ok: true, transactionNo: `PP${Date.now()}`, at: new Date() });
    expect((await confirm(body)).reply.MaLoi).toBe('04');
    expect((await confirm(body)).reply.MaLoi).toBe('04');
    const open = await api(`/v1/finance/exceptions?agencyCode=${agency}&status=open`, { token: agencyToken });
    expect(open.status, open.text).toBe(200);
    const mine = (open.json.items as FinanceException[]).filter((e) => e.paymentId === payment.paymentId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'amount_mismatch', amount: 15_000, dossierNo: no, provider: 'national_platform', status: 'open' })]);
    expect((await dossier(no)).openFinanceExceptions).toBe(1);
    expect((await stored(payment.paymentId)).status).toBe('pending');
  }, 60_000);
});

describe('A pending transaction (TrangThaiGD 3)', () => {
  const base = () => inject('baseUrl');
  const expiryDeps = (now: Date) => ({
    payments,
    clock: { now: () => now },
    providers: sandboxProviders(),
  });
  const runExpiry = (now: Date) => expirePayments(expiryDeps(now), { now: () => now });

  it('is asked again past its expiry, with backoff, until the platform says paid: the dossier then moves on', async () => {
    // Prepare: the citizen paid, the platform does not know the outcome yet (one more QUERY says 3).
    const no = await registerEnterprise();
    const { paymentId, redirectUrl, expiresAt } = await payWithPlatform(no);
    const chose = await api(new URL(redirectUrl).pathname, { body: { outcome: 'pending', pendingQueries: 1 } });
    expect(chose.json).toMatchObject({ state: 'pending' });
    const pastExpiry = new Date(Date.parse(expiresAt) + 60_000);

    // Act: the expiry job's first run asks, hears 3, and puts the next question off.
    await runExpiry(pastExpiry);
    const deferred = await stored(paymentId);
    expect(deferred).toMatchObject({ status: 'pending', queryDueAt: new Date(pastExpiry.getTime() + 60_000).toISOString() });

    // Not due yet: nothing is asked (the sandbox would have answered 1 and settled it).
    await runExpiry(new Date(pastExpiry.getTime() + 30_000));
    expect((await stored(paymentId)).status).toBe('pending');

    // Due: asked again, paid.
    await runExpiry(new Date(pastExpiry.getTime() + 61_000));

    // Assess
    expect(await stored(paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: expect.stringMatching(/^PP\d+$/) });
    await until(() => dossier(no), (d) => d.status === 'PROCESSING', 30_000);
  }, 90_000);

  it('is not paid by a QUERY answer signed with another secret', async () => {
    const { paymentId } = await payWithPlatform(await registerEnterprise());
    const provider = new NationalPlatformProvider({ partnerCode: sandbox.nationalPlatformPartnerCode, secret: 'not-the-platform-secret', apiUrl: `${base()}/sandbox/national-platform/api`, beneficiary: { accountNo: '1', bankCode: 'X', accountName: 'X' } });
    // The sandbox refuses a QUERY it cannot verify, signed with the real secret, which this provider cannot verify.
    expect(await provider.query(await stored(paymentId))).toEqual({ outcome: 'unknown' });
    expect((await stored(paymentId)).status).toBe('pending');
  }, 60_000);
});
