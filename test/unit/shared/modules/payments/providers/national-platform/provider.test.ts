import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../../../../shared/platform/kernel/errors';
import { INIT_TIMEOUT_MS, NationalPlatformProvider } from '../../../../../../../shared/modules/payments/providers/national-platform/provider';
import { ProviderUnavailableError } from '../../../../../../../shared/modules/payments/domain/errors';
import { statusOf } from '../../../../../../../shared/platform/http/errors';
import { signed, verifyMaXacThuc, type WireFields } from '../../../../../../../shared/modules/payments/providers/national-platform/protocol';
import type { NationalPlatformSettings } from '../../../../../../../shared/modules/payments/providers/national-platform/settings';
import type { PayableDossier } from '../../../../../../../shared/modules/payments/ports';
import { pendingPayment } from '../../../../../../fakes/payment-store';

const settings: NationalPlatformSettings = {
  partnerCode: 'TOANTRINH-HP', secret: 'provider-secret', apiUrl: 'https://pp.example/api', beneficiary: { accountNo: '3511', bankCode: 'KBNN', accountName: 'KHO BAC' },
};
const payment = pendingPayment(3, { provider: 'national_platform', amount: 5_000, createdAt: '2026-11-21T02:05:00.000Z', returnUrl: 'https://portal.example.vn/ket-qua?from=pp' });
const dossier = {
  dossierNo: payment.dossierNo, procedureCode: '2.000815', agencyCode: 'HP-PX', applicant: { citizenId: '031099012345', fullName: 'Nguyễn Văn A', phone: '+84912345678' },
  fees: { items: [{ kind: 'fee', code: 'copy_certification', label: { vi: 'Phí chứng thực bản sao', en: 'x' }, amount: 5_000 }] }, extraCharges: 0, payments: [],
} as unknown as PayableDossier;

/** A platform answering each request with `answer(body)`, recording what it was sent. */
function platform(answer: (body: WireFields) => unknown, status = 200) {
  const sent: WireFields[] = [];
  const fetchImpl = (async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as WireFields;
    sent.push(body);
    return new Response(JSON.stringify(answer(body)), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { sent, provider: new NationalPlatformProvider(settings, fetchImpl) };
}

const envelope = (fields: WireFields) => ({ error_code: '0', message: JSON.stringify(fields) });
const queryAnswer = (fields: WireFields, secret = settings.secret) =>
  envelope(signed({ LoaiBanTin: 'QUERY', MaLoi: '00', MaDoiTac: settings.partnerCode, MaThamChieu: payment.providerRef, SoTien: '5000', MaTienTe: 'VND', MaGiaoDich: 'PP1', MaNganHang: 'VCB', ThoiGianGD: '20261121091012', ...fields }, 'queryReply', secret));

describe('NationalPlatformProvider.start (INIT)', () => {
  it('sends a signed INIT carrying the receipt information and the way back, and redirects to UrlThanhToan', async () => {
    const { sent, provider } = platform(() => envelope({ MaLoi: '00', UrlThanhToan: 'https://pp.example/pay/abc' }));
    const started = await provider.start(payment, { ipAddr: '203.113.1.10', orderInfo: 'Thanh toan phi ho so H31.26-3', dossiers: [dossier] });
    expect(started).toEqual({ redirectUrl: 'https://pp.example/pay/abc' });
    const [init] = sent;
    expect(verifyMaXacThuc(init!, 'init', settings.secret)).toBe(true);
    expect(init).toMatchObject({ LoaiBanTin: 'INIT', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: payment.providerRef, SoTien: '5000', ThoiGianGD: '20261121090500', Ip: '203.113.1.10' });
    expect(init!.ThongTinBienLai).toMatchObject({ MaHoSo: payment.dossierNo, PhiLePhi: [{ LoaiPhiLePhi: 1, SoTien: 5_000 }], DSKhoanNop: [{ SoTien: 5_000 }] });
    expect(init!.return_url).toBe(`https://portal.example.vn/ket-qua?from=pp&paymentId=${payment.paymentId}`);
  });

  it.each([
    ['an envelope with an error', () => ({ error_code: '97', message: 'Sai mã xác thực' }), 200],
    ['a refusal code', () => ({ MaLoi: '99', UrlThanhToan: 'https://pp.example/pay/abc' }), 200],
    ['no payment page', () => envelope({ MaLoi: '00' }), 200],
    ['a payment page over plain http', () => envelope({ MaLoi: '00', UrlThanhToan: 'http://pp.example/pay/abc' }), 200],
    ['a payment page that is not a URL', () => envelope({ MaLoi: '00', UrlThanhToan: 'javascript:alert(1)' }), 200],
    ['an HTTP error', () => ({}), 503],
  ])('fails the payment on %s with a 502 PROVIDER_UNAVAILABLE naming the provider field', async (_case, answer, status) => {
    const { provider } = platform(answer, status);
    const error = await provider.start(payment, { ipAddr: '1.2.3.4', orderInfo: 'x', dossiers: [dossier] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: [{ path: 'provider', message: expect.stringContaining('national_platform did not start the payment') }] });
    expect(statusOf(error)).toBe(502);
  });

  it.each([
    ['a refused connection', async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })), /unreachable \(ECONNREFUSED\)/],
    // What fetch rejects with when its AbortSignal.timeout fires.
    ['no answer in time', async () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), new RegExp(`no answer within ${INIT_TIMEOUT_MS} ms`)],
  ])('fails the payment on %s with PROVIDER_UNAVAILABLE, saying why in its message (for the log)', async (_case, fetchImpl, why) => {
    const provider = new NationalPlatformProvider(settings, fetchImpl as unknown as typeof fetch);
    const error = await provider.start(payment, { ipAddr: '1.2.3.4', orderInfo: 'x', dossiers: [dossier] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toMatch(why);
  });

  it('refuses a payment of several dossiers before calling the platform (its receipt information names one)', async () => {
    const { sent, provider } = platform(() => envelope({ MaLoi: '00', UrlThanhToan: 'https://pp.example/pay/abc' }));
    const error = await provider.start(payment, { ipAddr: '1.2.3.4', orderInfo: 'x', dossiers: [dossier, { ...dossier, dossierNo: 'H31.26-4' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([expect.objectContaining({ path: 'provider' })]);
    expect(sent).toHaveLength(0);
  });
});

describe('NationalPlatformProvider.query (QUERY)', () => {
  it('asks with a signed QUERY of the transaction\u2019s own time', async () => {
    const { sent, provider } = platform(() => queryAnswer({ TrangThaiGD: '3' }));
    await provider.query(payment);
    expect(verifyMaXacThuc(sent[0]!, 'query', settings.secret)).toBe(true);
    expect(sent[0]).toMatchObject({ LoaiBanTin: 'QUERY', MaThamChieu: payment.providerRef, ThoiGianGD: '20261121090500' });
  });

  it.each([
    ['1 as paid, with amount, transaction and pay time', { TrangThaiGD: '1' }, { outcome: 'succeeded', amount: 5_000, transactionId: 'PP1', paidAt: '2026-11-21T02:10:12.000Z' }],
    ['3 as pending', { TrangThaiGD: '3' }, { outcome: 'pending' }],
    ['4 as failed', { TrangThaiGD: '4' }, { outcome: 'failed' }],
    ['an unknown state as unknown', { TrangThaiGD: '2' }, { outcome: 'unknown' }],
    ['an error code as unknown', { MaLoi: '01', TrangThaiGD: '4' }, { outcome: 'unknown' }],
    ['another reference as unknown', { MaThamChieu: 'OTHER', TrangThaiGD: '1' }, { outcome: 'unknown' }],
    ['another partner as unknown', { MaDoiTac: 'OTHER', TrangThaiGD: '1' }, { outcome: 'unknown' }],
    ['money in another currency as paid with no amount (a mismatch)', { TrangThaiGD: '1', MaTienTe: 'USD' }, { outcome: 'succeeded', transactionId: 'PP1' }],
  ])('reads %s', async (_case, fields, expected) => {
    const { provider } = platform(() => queryAnswer(fields));
    const status = await provider.query(payment);
    expect(status).toMatchObject(expected);
    if (!('amount' in expected)) expect(status.amount).toBeUndefined();
  });

  it.each([
    ['an unsigned answer', () => envelope({ MaLoi: '00', MaDoiTac: settings.partnerCode, MaThamChieu: payment.providerRef, TrangThaiGD: '1' }), 200],
    ['an answer signed with another secret', () => queryAnswer({ TrangThaiGD: '1' }, 'forged'), 200],
    ['an answer tampered after signing', () => ({ ...(JSON.parse(queryAnswer({ TrangThaiGD: '4' }).message) as WireFields), TrangThaiGD: '1' }), 200],
    ['an HTTP error', () => queryAnswer({ TrangThaiGD: '1' }), 500],
  ])('treats %s as no answer', async (_case, answer, status) => {
    const { provider } = platform(answer, status);
    expect((await provider.query(payment)).outcome).toBe('unknown');
  });

  it('treats a platform that cannot be reached as no answer', async () => {
    const provider = new NationalPlatformProvider(settings, (async () => Promise.reject(new Error('ECONNREFUSED'))) as unknown as typeof fetch);
    expect(await provider.query(payment)).toEqual({ outcome: 'unknown' });
  });
});
