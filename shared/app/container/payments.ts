import { integerEnv } from '../../platform/config/env';
import type { PaymentProvider, PaymentStore } from '../../modules/payments/ports';
import type { SettledPayments } from '../../modules/payments/settled-payments-port';
import { DynamoPaymentStore } from '../../modules/payments/dynamodb';
import type { PaymentProviderName } from '../../modules/payments/domain/payment';
import { loadPaymentSettings, type PaymentSettings } from '../../modules/payments/settings';
import { paymentProviders as defaultRegistry, type PaymentProviderRegistry } from '../../modules/payments/providers/registry';
import type { CreatePaymentDeps } from '../../modules/payments/use-cases/create-payment';
import type { SettleDeps } from '../../modules/payments/use-cases/settle-payment';
import { base } from './base';
import { dynamo } from './dynamo';
import { secrets } from './secrets';
import { dossierStore } from './dossiers';
import { financeStore } from './finance-store';
import { raiseUnclaimedMoney } from '../../modules/finance';
import { definePart } from './part';

export interface PaymentStoreMembers {
  readonly paymentStore: PaymentStore & SettledPayments;
  /** Succeeded payments younger than this are left to the outbox's stream (RECONCILE_PAYMENTS_AFTER_MINUTES [30]). */
  readonly reconcilePaymentsAfterMs: number;
}

export const paymentStore = /* @__PURE__ */ definePart<PaymentStoreMembers>()('paymentStore', [dynamo], (c, { once, tableName, settings }) => ({
  get paymentStore() {
    return once('paymentStore', () => new DynamoPaymentStore(c.documentClient, tableName()));
  },
  get reconcilePaymentsAfterMs() {
    return once('reconcilePaymentsAfterMs', () => integerEnv('RECONCILE_PAYMENTS_AFTER_MINUTES', 30, 0, settings.values) * 60_000);
  },
}));

export interface SettlementMembers {
  readonly settleDeps: SettleDeps;
}

/** Settlement, and where it raises money taken but not the payment's (the finance exceptions queue). */
export const settlement = /* @__PURE__ */ definePart<SettlementMembers>()('settlement', [base, paymentStore, financeStore], (c, { once }) => ({
  get settleDeps() {
    return once('settleDeps', (): SettleDeps => ({
      payments: c.paymentStore, clock: c.clock,
      raiseUnclaimedMoney: async (money) => void (await raiseUnclaimedMoney({ finance: c.financeStore, clock: c.clock }, money)),
    }));
  },
}));

/** Every registered provider's adapter: only the functions that create, expire or look up payments with any provider. */
export interface PaymentProvidersMembers {
  /** The payment providers that can be built (tests add a fake one). */
  readonly paymentRegistry: PaymentProviderRegistry;
  readonly paymentSettings: Promise<PaymentSettings>;
  readonly paymentProviders: Promise<Readonly<Record<PaymentProviderName, PaymentProvider>>>;
  readonly createPaymentDeps: Promise<CreatePaymentDeps>;
}

export const paymentProviders = /* @__PURE__ */ definePart<PaymentProvidersMembers>()('paymentProviders', [base, secrets, paymentStore, dossierStore], (c, { once }) => ({
  get paymentRegistry() {
    return once('paymentRegistry', () => defaultRegistry);
  },
  get paymentSettings() {
    return once('paymentSettings', () => loadPaymentSettings(c.settingsSource, c.paymentRegistry));
  },
  get paymentProviders() {
    return once('paymentProviders', async () => c.paymentRegistry.build((await c.paymentSettings).providers));
  },
  get createPaymentDeps() {
    return once('createPaymentDeps', async () => {
      const settings = await c.paymentSettings;
      return {
        dossiers: c.dossierStore,
        payments: c.paymentStore,
        providers: await c.paymentProviders,
        expiryMinutes: settings.expiryMinutes,
        returnOrigins: settings.returnOrigins,
        clock: c.clock,
      };
    });
  },
}));
