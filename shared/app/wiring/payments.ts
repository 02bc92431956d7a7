import { paymentSettings } from '../../modules/payments/settings';
import type { PaymentProviderName } from '../../modules/payments/domain/payment';
import { systemClock } from '../../platform/kernel/time';
import type { PaymentProvider } from '../../modules/payments/ports';
import type { CreatePaymentDeps } from '../../modules/payments/use-cases/create-payment';
import type { SettleDeps } from '../../modules/payments/use-cases/settle-payment';
import { documentClient, mainTableName } from '../../platform/dynamodb/client';
import { DynamoPaymentStore } from '../../modules/payments/dynamodb';
import { dossierEventPublisher, dossierStore } from './dossiers';
import { VietqrProvider } from '../../modules/payments/providers/vietqr/provider';
import { VnpayProvider } from '../../modules/payments/providers/vnpay/provider';

let store: DynamoPaymentStore | undefined;

export function paymentStore(): DynamoPaymentStore {
  store ??= new DynamoPaymentStore(documentClient(), mainTableName());
  return store;
}

export async function paymentProviders(): Promise<Record<PaymentProviderName, PaymentProvider>> {
  const settings = await paymentSettings();
  return { vnpay: new VnpayProvider(settings.vnpay), vietqr: new VietqrProvider(settings.vietqr) };
}

export async function createPaymentDeps(): Promise<CreatePaymentDeps> {
  const settings = await paymentSettings();
  return { dossiers: dossierStore(), payments: paymentStore(), providers: await paymentProviders(), expiryMinutes: settings.expiryMinutes, returnOrigins: settings.returnOrigins, clock: systemClock };
}

export function settleDeps(): SettleDeps {
  return { payments: paymentStore(), outbox: dossierStore(), publisher: dossierEventPublisher(), clock: systemClock };
}
