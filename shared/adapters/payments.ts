import { paymentSettings } from '../config/payment-settings';
import type { PaymentProviderName } from '../domain/payments/payment';
import { systemClock } from '../domain/time';
import type { PaymentProvider } from '../ports/payments';
import type { CreatePaymentDeps } from '../use-cases/payments/create-payment';
import type { SettleDeps } from '../use-cases/payments/settle-payment';
import { documentClient, mainTableName } from './dynamodb/client';
import { DynamoPaymentStore } from './dynamodb/payment-store';
import { dossierEventPublisher, dossierStore } from './dossiers';
import { VietqrProvider } from './providers/vietqr';
import { VnpayProvider } from './providers/vnpay';

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
