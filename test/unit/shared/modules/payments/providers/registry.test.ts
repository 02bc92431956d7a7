import { describe, expect, it } from 'vitest';
import { PAYMENT_PROVIDERS } from '../../../../../../shared/modules/payments/domain/payment';
import { DEFAULT_PROVIDERS, PaymentProviderRegistry, paymentProviders, settingsOf } from '../../../../../../shared/modules/payments/providers/registry';
import { loadPaymentSettings } from '../../../../../../shared/modules/payments/settings';
import { createPayment } from '../../../../../../shared/modules/payments/use-cases/create-payment';
import { expirePayments } from '../../../../../../shared/modules/payments/use-cases/expire-payments';
import type { Dossier, DossierStore } from '../../../../../../shared/modules/dossiers';
import { FakePaymentStore } from '../../../../../fakes/payment-store';
import { expiryMinutesOfEvery, FAKEPAY, fakepay, FakepayProvider, settleFakepay, stubProvider, stubProviders } from '../../../../../fakes/payment-provider';

const NOW = new Date('2026-11-21T01:00:00Z');
const CITIZEN = '079099012345';
const PORTAL = 'https://portal.example.vn';

/** Settings as a function's environment and SSM would give them, for the defaults and the fake. */
const source = {
  values: {
    VNPAY_TMN_CODE: 'TMN00001', VNPAY_PAYMENT_URL: 'https://gw.example/pay', VNPAY_API_URL: 'https://gw.example/api', VNPAY_RETURN_URL: 'https://api.example/r',
    VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT_NO: '0123456789', VIETQR_ACCOUNT_NAME: 'KHO BAC',
    NATIONAL_PLATFORM_PARTNER_CODE: 'PP-1', NATIONAL_PLATFORM_API_URL: 'https://pp.example/api',
    NATIONAL_PLATFORM_ACCOUNT_NO: '3511', NATIONAL_PLATFORM_BANK_CODE: 'KBNN', NATIONAL_PLATFORM_ACCOUNT_NAME: 'KHO BAC',
    FAKEPAY_MERCHANT: 'M-1', FAKEPAY_PAGE_URL: 'https://fakepay.example/pay', CORS_ALLOWED_ORIGINS: PORTAL,
  },
  secret: async (name: string) => `secret-of-${name}`,
};

describe('Class: PaymentProviderRegistry', () => {
  it('registers exactly the providers the domain names, once each', () => {
    expect(paymentProviders.names()).toEqual([...PAYMENT_PROVIDERS]);
    expect(() => new PaymentProviderRegistry([...DEFAULT_PROVIDERS, DEFAULT_PROVIDERS[0]!])).toThrow(/vnpay is registered twice/);
  });

  it('derives the grants, context settings and environment of the deployed providers', () => {
    expect(paymentProviders.secrets()).toEqual(['VNPAY_HASH_SECRET', 'NATIONAL_PLATFORM_SECRET']);
    expect(paymentProviders.callbackSecrets('vietqr')).toEqual(['VIETQR_WEBHOOK_SECRETS']);
    expect(Object.keys(paymentProviders.contextSettings())).toEqual([
      'vnpayTmnCode', 'vnpayPaymentUrl', 'vnpayApiUrl', 'vietqrBankBin', 'vietqrAccountNo', 'vietqrAccountName',
      'nationalPlatformPartnerCode', 'nationalPlatformApiUrl', 'nationalPlatformAccountNo', 'nationalPlatformBankCode', 'nationalPlatformAccountName',
    ]);
    expect(paymentProviders.environment((name) => `<${name}>`, 'https://api.example.vn/')).toEqual({
      VNPAY_TMN_CODE: '<vnpayTmnCode>', VNPAY_PAYMENT_URL: '<vnpayPaymentUrl>', VNPAY_API_URL: '<vnpayApiUrl>',
      VIETQR_BANK_BIN: '<vietqrBankBin>', VIETQR_ACCOUNT_NO: '<vietqrAccountNo>', VIETQR_ACCOUNT_NAME: '<vietqrAccountName>',
      NATIONAL_PLATFORM_PARTNER_CODE: '<nationalPlatformPartnerCode>', NATIONAL_PLATFORM_API_URL: '<nationalPlatformApiUrl>',
      NATIONAL_PLATFORM_ACCOUNT_NO: '<nationalPlatformAccountNo>', NATIONAL_PLATFORM_BANK_CODE: '<nationalPlatformBankCode>', NATIONAL_PLATFORM_ACCOUNT_NAME: '<nationalPlatformAccountName>',
      VNPAY_RETURN_URL: 'https://api.example.vn/v1/callbacks/vnpay/return',
    });
  });

  it('names the missing setting of a provider when its settings are loaded', async () => {
    await expect(loadPaymentSettings({ ...source, values: { ...source.values, VIETQR_BANK_BIN: '' } })).rejects.toThrow(/VIETQR_BANK_BIN/);
  });
});

/**
 * The cost of a provider: test/fakes/payment-provider/ is a whole provider (provider, callback,
 * settings, index) and this file is the only thing outside it that names it. Registered with one
 * entry, it gets its grants, context settings and adapter, and payments go through it like any other.
 */
describe('A new provider added with one registry entry (fakepay)', () => {
  function setup() {
    const registry = new PaymentProviderRegistry([...DEFAULT_PROVIDERS, fakepay]);
    const dossier = { dossierNo: 'H31.26-7', agencyCode: 'HP-STP', status: 'AWAITING_PAYMENT', amountDue: 50_000, applicant: { citizenId: CITIZEN }, fees: { items: [{ kind: 'fee', amount: 50_000 }] }, extraCharges: 0, payments: [] } as unknown as Dossier;
    const dossiers = { get: async () => dossier } as unknown as DossierStore;
    const payments = new FakePaymentStore();
    return { registry, dossiers, payments };
  }

  it('gets its secrets, context settings and environment derived like the built-in providers', () => {
    const { registry } = setup();
    expect(registry.secrets()).toEqual(['VNPAY_HASH_SECRET', 'NATIONAL_PLATFORM_SECRET', 'FAKEPAY_API_KEY']);
    expect(registry.callbackSecrets(FAKEPAY)).toEqual(['FAKEPAY_WEBHOOK_SECRETS']);
    expect(registry.contextSettings()).toMatchObject({ fakepayMerchant: { env: 'FAKEPAY_MERCHANT' }, fakepayPageUrl: { url: true } });
    expect(registry.environment((name) => name, 'https://api.example.vn')).toMatchObject({ FAKEPAY_MERCHANT: 'fakepayMerchant', FAKEPAY_RETURN_URL: 'https://api.example.vn/v1/callbacks/fakepay/return' });
  });

  it('creates a payment through it and settles it from its callback', async () => {
    // Prepare: settings loaded and adapters built by the registry, as the container does.
    const { registry, dossiers, payments } = setup();
    const settings = await loadPaymentSettings(source, registry);
    const providers = registry.build(settings.providers);
    const clock = { now: () => NOW };
    const deps = { dossiers, payments, providers, expiryMinutes: settings.expiryMinutes, returnOrigins: settings.returnOrigins, clock };
    const request = { provider: FAKEPAY as 'vnpay', returnUrl: `${PORTAL}/r` };

    // Act
    const created = await createPayment(deps, { kind: 'citizen', citizenId: CITIZEN }, 'H31.26-7', request, 'key-1', '1.2.3.4');
    const payment = [...payments.payments.values()][0]!;
    const settled = await settleFakepay(
      { payments, clock },
      { ref: payment.providerRef, amount: 50_000, paid: true, transactionId: 'FP-TX-1' },
    );

    // Assess
    expect(settingsOf(fakepay, settings.providers)).toEqual({ merchant: 'M-1', apiKey: 'secret-of-FAKEPAY_API_KEY', pageUrl: 'https://fakepay.example/pay' });
    expect(created).toMatchObject({ statusCode: 201, body: { provider: FAKEPAY, amount: 50_000, status: 'pending', expiresAt: '2026-11-21T01:05:00.000Z' } });
    expect(created.body.redirectUrl).toBe(`https://fakepay.example/pay?merchant=M-1&ref=${payment.providerRef}`);
    expect(payment.providerRef).toMatch(/^FP-/);
    expect(settled).toBe('applied');
    expect(payments.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: 'FP-TX-1' });
    expect(payments.events).toEqual([expect.objectContaining({ type: 'PaymentSucceeded', paymentId: payment.paymentId, provider: FAKEPAY })]);
  });

  it('is asked by the expiry job, as every registered provider is', async () => {
    const { registry, payments } = setup();
    const settings = await loadPaymentSettings(source, registry);
    const providers = registry.build(settings.providers);
    (providers[FAKEPAY] as FakepayProvider).status = { outcome: 'failed' };
    payments.add({
      paymentId: 'pay_FAKE000000000001', dossierNo: 'H31.26-7', citizenId: CITIZEN, agencyCode: 'HP-STP', provider: FAKEPAY, providerRef: 'FP-1',
      amount: 50_000, currency: 'VND', status: 'pending', returnUrl: `${PORTAL}/r`, createdAt: '2026-11-21T00:00:00.000Z', expiresAt: '2026-11-21T00:05:00.000Z', version: 1,
    });
    const counts = await expirePayments({ payments, clock: { now: () => NOW }, providers }, { now: () => NOW });
    expect(counts).toEqual({ expired: 1, paid: 0, skipped: 0 });
  });
});

describe('Test helpers: stubProviders and expiryMinutesOfEvery', () => {
  it('give every registered provider, from the registry, so adding one edits no use-case test', () => {
    const vnpay = stubProvider('vnpay', { maxAmount: 1 });
    const fake = stubProvider(FAKEPAY);
    const providers = stubProviders({ vnpay, [FAKEPAY]: fake });
    expect(Object.keys(providers).sort()).toEqual([...paymentProviders.names(), FAKEPAY].sort());
    expect([providers.vnpay, providers[FAKEPAY], providers.vietqr.name]).toEqual([vnpay, fake, 'vietqr']);
    expect(expiryMinutesOfEvery(30, { vnpay: 15 })).toEqual(Object.fromEntries(paymentProviders.names().map((n) => [n, n === 'vnpay' ? 15 : 30])));
  });
});
