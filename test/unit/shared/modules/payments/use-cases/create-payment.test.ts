import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import type { DossierStore } from '../../../../../../shared/modules/dossiers/ports';
import type { PaymentProvider } from '../../../../../../shared/modules/payments/ports';
import { createPayment } from '../../../../../../shared/modules/payments/use-cases/create-payment';
import { FakePaymentStore } from '../../../../../fakes/payment-store';
import { expiryMinutesOfEvery, stubProvider, stubProviders } from '../../../../../fakes/payment-provider';
import { VNPAY_MAX_AMOUNT } from '../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { ProviderUnavailableError } from '../../../../../../shared/modules/payments/domain/errors';

const CITIZEN = '079099012345';
const PORTAL = 'https://portal.example.vn';

function setup(amountDue: number, platform: Partial<PaymentProvider> = {}) {
  const dossier = { dossierNo: 'H31.26-1', agencyCode: 'HP-STP', status: 'AWAITING_PAYMENT', amountDue, applicant: { citizenId: CITIZEN }, fees: { items: [{ kind: 'fee', amount: amountDue }] }, extraCharges: 0, payments: [] } as unknown as Dossier;
  const dossiers = { get: async () => dossier } as unknown as DossierStore;
  const started: string[] = [];
  const provider = (name: 'vnpay' | 'vietqr', maxAmount: number): PaymentProvider =>
    stubProvider(name, { maxAmount, start: async (p) => (started.push(p.paymentId), { redirectUrl: 'https://gw.example/pay' }) });
  const payments = new FakePaymentStore();
  const deps = { dossiers, payments, providers: stubProviders({ vnpay: provider('vnpay', VNPAY_MAX_AMOUNT), vietqr: provider('vietqr', 9_999_999_999_999), national_platform: stubProvider('national_platform', platform) }), expiryMinutes: expiryMinutesOfEvery(30, { vnpay: 15, vietqr: 60 }), returnOrigins: [PORTAL], clock: { now: () => new Date('2026-11-21T01:00:00Z') } };
  const create = (request: { provider: 'vnpay' | 'vietqr' | 'national_platform'; returnUrl: string }) =>
    createPayment(deps, { kind: 'citizen', citizenId: CITIZEN }, 'H31.26-1', request, 'key-1', '1.2.3.4');
  return { create, payments, started };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(() => undefined, (e: unknown) => e as InvalidInputError);
}

describe('createPayment', () => {
  it('pays up to 9,999,999,999 VND through VNPay (vnp_Amount ≤ 12 digits)', async () => {
    const { create } = setup(9_999_999_999);
    expect((await create({ provider: 'vnpay', returnUrl: `${PORTAL}/r` })).statusCode).toBe(201);
  });

  it('refuses an amount whose vnp_Amount would exceed 12 digits with a 400 giving the limit, and writes nothing', async () => {
    const { create, payments, started } = setup(10_000_000_000);
    const error = await refusal(create({ provider: 'vnpay', returnUrl: `${PORTAL}/r` }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'AMOUNT_OVER_PROVIDER_LIMIT' });
    expect(error?.details[0]?.message).toMatch(/at most 9999999999 VND.*10000000000 VND is due/);
    expect([payments.payments.size, payments.writes, started.length]).toEqual([0, 0, 0]);
  });

  it('refuses a returnUrl off the portal origins with a 400 naming returnUrl, before anything is written', async () => {
    const { create, payments, started } = setup(5_000);
    for (const returnUrl of ['https://portal.example.vn.evil.com/r', 'https://portal.example.vn@evil.example/r', 'http://portal.example.vn/r']) {
      const error = await refusal(create({ provider: 'vnpay', returnUrl }));
      expect(error?.details.map((d) => d.path), returnUrl).toEqual(['returnUrl']);
    }
    expect([payments.payments.size, payments.writes, started.length]).toEqual([0, 0, 0]);
  });

  it('keeps nothing when the provider does not start the payment: the 502 escapes, no payment or dossier lock, the key given back', async () => {
    // Prepare: the platform's INIT fails once, then works.
    let down = true;
    const { create, payments } = setup(5_000, {
      start: async () => {
        if (down) throw new ProviderUnavailableError('national_platform', 'INIT: HTTP 503');
        return { redirectUrl: 'https://pp.example/pay/abc' };
      },
    });
    // Act
    const error = await refusal(create({ provider: 'national_platform', returnUrl: `${PORTAL}/r` }));
    // Assess: nothing written (the idempotency record was abandoned), so the same key works once it is back.
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect([payments.payments.size, payments.writes]).toEqual([0, 0]);
    expect(await payments.livePaymentOf('H31.26-1', new Date('2026-11-21T01:00:00Z'))).toBeUndefined();
    down = false;
    expect((await create({ provider: 'national_platform', returnUrl: `${PORTAL}/r` })).statusCode).toBe(201);
  });

  it('stores the returnUrl as browsers read it', async () => {
    const { create, payments } = setup(5_000);
    await create({ provider: 'vietqr', returnUrl: 'https://PORTAL.example.vn/ket qua' });
    expect([...payments.payments.values()][0]?.returnUrl).toBe('https://portal.example.vn/ket%20qua');
  });
});
