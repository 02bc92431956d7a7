import type { OperationDefinition } from '../operation';
import { getProcedureOperation, listProceduresOperation } from './catalogue';
import { quoteFeesOperation } from './fees';
import {
  collectedOperation,
  getDossierOperation,
  kpiReportOperation,
  registerDossierOperation,
  resultReadyOperation,
} from './dossiers';
import { healthOperation, openApiOperation } from './system';
import { getDeliveryOperation, postalWebhookOperation, registerDeliveryOperation } from './deliveries';
import { createPaymentOperation, getPaymentOperation, vietqrWebhookOperation, vnpayIpnOperation, vnpayReturnOperation } from './payments';

/** Every operation of the public API, in the order the OpenAPI document lists them. */
export const Operations: readonly OperationDefinition[] = [
  healthOperation,
  openApiOperation,
  listProceduresOperation,
  getProcedureOperation,
  quoteFeesOperation,
  registerDossierOperation,
  getDossierOperation,
  resultReadyOperation,
  collectedOperation,
  kpiReportOperation,
  createPaymentOperation,
  getPaymentOperation,
  vnpayIpnOperation,
  vnpayReturnOperation,
  vietqrWebhookOperation,
  registerDeliveryOperation,
  getDeliveryOperation,
  postalWebhookOperation,
];
