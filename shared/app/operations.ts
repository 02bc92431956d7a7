import type { OperationDefinition } from '../platform/api/operation';
import type { WebhookDefinition } from '../platform/api/webhook';
import { getProcedureOperation, listProceduresOperation } from '../modules/catalogue/api/operations';
import { quoteFeesOperation } from '../modules/fees/api/operations';
import {
  collectedOperation,
  getDossierOperation,
  listAgencyDossiersOperation,
  listMyDossiersOperation,
  registerDossierOperation,
  resultReadyOperation,
} from '../modules/dossiers/api/operations';
import { listCommunesOperation, listProvincesOperation } from '../modules/addresses/api/operations';
import { docsOperation, healthOperation, openApiOperation } from './system/operations';
import { getDeliveryOperation, postalWebhookOperation, registerDeliveryOperation } from '../modules/deliveries/api/operations';
import { createBasketPaymentOperation, createPaymentOperation, getPaymentOperation, vietqrWebhookOperation, vnpayIpnOperation, vnpayReturnOperation } from '../modules/payments/api/operations';
import { listReceiptsOperation } from '../modules/receipts/api/operations';
import { nationalPlatformConfirmOperation } from '../modules/payments/providers/national-platform';
import { listNotificationsOperation, putNotificationPreferencesOperation, zaloWebhookOperation } from '../modules/notifications/api/operations';
import { listWebhookDeliveriesOperation } from '../modules/portal-webhooks/api/operations';
import { portalStatusWebhook } from '../modules/portal-webhooks/api/webhook';
import { dashboardOperation, kpiCsvOperation, kpiReportOperation, proposeTargetsOperation, setTargetsOperation } from '../modules/kpis/api/operations';
import { confirmManualRefundOperation, financeSummaryOperation, listExceptionsOperation, listRefundsOperation, requestRefundOperation, resolveExceptionOperation } from '../modules/finance/api/operations';

/** Every operation of the public API, in the order the OpenAPI document lists them. */
export const Operations: readonly OperationDefinition[] = [
  healthOperation,
  openApiOperation,
  docsOperation,
  listProceduresOperation,
  getProcedureOperation,
  quoteFeesOperation,
  registerDossierOperation,
  getDossierOperation,
  resultReadyOperation,
  collectedOperation,
  listMyDossiersOperation,
  listAgencyDossiersOperation,
  kpiReportOperation,
  kpiCsvOperation,
  setTargetsOperation,
  proposeTargetsOperation,
  dashboardOperation,
  createPaymentOperation,
  createBasketPaymentOperation,
  getPaymentOperation,
  vnpayIpnOperation,
  vnpayReturnOperation,
  vietqrWebhookOperation,
  nationalPlatformConfirmOperation,
  listProvincesOperation,
  listCommunesOperation,
  registerDeliveryOperation,
  getDeliveryOperation,
  postalWebhookOperation,
  listReceiptsOperation,
  listNotificationsOperation,
  putNotificationPreferencesOperation,
  zaloWebhookOperation,
  listWebhookDeliveriesOperation,
  requestRefundOperation,
  listRefundsOperation,
  confirmManualRefundOperation,
  listExceptionsOperation,
  resolveExceptionOperation,
  financeSummaryOperation,
];

/** The requests we send to the integrator (OpenAPI 3.1 `webhooks`): documented, implemented by the portal. */
export const Webhooks: readonly WebhookDefinition[] = [portalStatusWebhook];
