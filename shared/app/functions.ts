import { requiresJwt, type HttpMethod, type OperationDefinition, type RouteAuth } from '../platform/api/operation';
import type { QueueKey, StreamKey } from '../platform/config/resources';
import { paymentProviders } from '../modules/payments/providers/registry';
import type { SecretName } from '../platform/config/secrets';
import { getProcedureOperation, listProceduresOperation } from '../modules/catalogue/api/operations';
import { quoteFeesOperation } from '../modules/fees/api/operations';
import { collectedOperation, getDossierOperation, listAgencyDossiersOperation, listMyDossiersOperation, registerDossierOperation, resultReadyOperation } from '../modules/dossiers/api/operations';
import { listCommunesOperation, listProvincesOperation } from '../modules/addresses/api/operations';
import { dashboardOperation, kpiCsvOperation, kpiReportOperation, proposeTargetsOperation, setTargetsOperation } from '../modules/kpis/api/operations';
import { createBasketPaymentOperation, createPaymentOperation, getPaymentOperation, vietqrWebhookOperation, vnpayIpnOperation, vnpayReturnOperation } from '../modules/payments/api/operations';
import { getDeliveryOperation, postalWebhookOperation, registerDeliveryOperation } from '../modules/deliveries/api/operations';
import { Carriers } from '../modules/deliveries/carriers/registry';
import { nationalPlatformConfirmOperation } from '../modules/payments/providers/national-platform';
import { ReceiptProviders } from '../modules/receipts/providers/registry';
import { listReceiptsOperation } from '../modules/receipts/api/operations';
import { NationalPortalSecrets } from '../modules/national-portal/settings';
import { listNotificationsOperation, putNotificationPreferencesOperation, zaloWebhookOperation } from '../modules/notifications/api/operations';
import { NotificationSecrets } from '../modules/notifications/settings';
import { listWebhookDeliveriesOperation } from '../modules/portal-webhooks/api/operations';
import { PortalWebhookSecrets } from '../modules/portal-webhooks/settings';
import { SWEEP_EVERY_MINUTES } from '../modules/portal-webhooks/use-cases/dispatch';
import { channelSecrets } from '../modules/notifications/channels/registry';
import { docsOperation, healthOperation, openApiOperation } from './system/operations';
import { REDOC_FILES } from './system/redoc';
import { confirmManualRefundOperation, financeSummaryOperation, listExceptionsOperation, listRefundsOperation, requestRefundOperation, resolveExceptionOperation } from '../modules/finance/api/operations';

/**
 * Every Lambda of the system: which handler module it runs, what triggers it and the least
 * privilege it needs. The CDK stack deploys from this list and the local runtime serves from it.
 */

export type { HttpMethod, RouteAuth };

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/procedures/{procedureCode}`. */
  readonly path: string;
  readonly auth: RouteAuth;
}

export interface FunctionAccess {
  readonly table?: 'read' | 'readWrite';
  readonly sendTo?: readonly QueueKey[];
  /** Secrets it may read (SSM SecureString parameters in AWS). */
  readonly secrets?: readonly SecretName[];
  /** Non-secret provider settings it needs in its environment. */
  readonly settings?: readonly ('payments' | 'postal' | 'nationalPortal' | 'receipts' | 'notifications' | 'portalWebhooks')[];
  /** ses:SendEmail on the configured sender identity only (notifications' email fallback). */
  readonly sendEmail?: boolean;
  /** s3:GetObject (and ListBucket) on the settlement-file bucket only, named in SETTLEMENT_BUCKET (daily reconciliation). */
  readonly readSettlementFiles?: boolean;
}

interface FunctionBase {
  /** Construct id and function-name suffix. */
  readonly name: string;
  /** Handler module, relative to the repository root; it must export `handler`. */
  readonly entry: string;
  readonly access: FunctionAccess;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /**
   * Files shipped beside the bundle under their base name (paths relative to the repository root):
   * static assets the handler reads when it needs them, so that a cold start does not parse them. The
   * handler finds one at `new URL(name, import.meta.url)`: beside the bundle in the Lambda, beside the
   * reading module when run from source, so each file lives in the folder of the module that reads it.
   */
  readonly files?: readonly string[];
}

export interface HttpFunction extends FunctionBase {
  /** Derived from the operations it serves ({@link httpTrigger}); a hand-written list only in tests. */
  readonly trigger: { readonly kind: 'http'; readonly routes: readonly Route[] };
}

export interface QueueFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'queue'; readonly queue: QueueKey };
}

export interface ScheduledFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'schedule'; readonly everyMinutes: number };
}

/** Fed by a table's stream (resources' `Streams`: filter, batching, retries, failure queue). */
export interface StreamFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'stream'; readonly stream: StreamKey };
}

export type FunctionDefinition = HttpFunction | QueueFunction | ScheduledFunction | StreamFunction;

/**
 * The route API Gateway serves for an operation: its method and path, behind the JWT authorizer
 * exactly when the operation requires a bearer token. Routes are declared once, by the operations.
 */
export function routeOf(operation: Pick<OperationDefinition, 'method' | 'path' | 'auth'>): Route {
  return { method: operation.method, path: operation.path, auth: requiresJwt(operation.auth) ? 'jwt' : 'none' };
}

/** The trigger of a function that serves these operations. */
export function httpTrigger(...operations: readonly OperationDefinition[]): HttpFunction['trigger'] {
  return { kind: 'http', routes: operations.map(routeOf) };
}

export const Functions: readonly FunctionDefinition[] = [
  {
    name: 'Health',
    entry: 'functions/http/health.ts',
    access: {},
    trigger: httpTrigger(healthOperation),
  },
  {
    name: 'OpenApi',
    entry: 'functions/http/openapi.ts',
    access: {},
    trigger: httpTrigger(openApiOperation),
  },
  {
    // The same document for people: Redoc (1.1 MB) stays out of the function portals fetch from code.
    name: 'DocsPage',
    entry: 'functions/http/docs-page.ts',
    access: {},
    files: [REDOC_FILES.script, REDOC_FILES.licences].map((name) => `shared/app/system/${name}`),
    trigger: httpTrigger(docsOperation),
  },
  {
    name: 'ListProcedures',
    entry: 'functions/http/list-procedures.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listProceduresOperation),
  },
  {
    name: 'GetProcedure',
    entry: 'functions/http/get-procedure.ts',
    access: { table: 'read' },
    trigger: httpTrigger(getProcedureOperation),
  },
  {
    name: 'QuoteFees',
    entry: 'functions/http/quote-fees.ts',
    access: { table: 'read' },
    trigger: httpTrigger(quoteFeesOperation),
  },
  {
    name: 'RegisterDossier',
    entry: 'functions/http/register-dossier.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(registerDossierOperation),
  },
  {
    name: 'GetDossier',
    entry: 'functions/http/get-dossier.ts',
    access: { table: 'read' },
    trigger: httpTrigger(getDossierOperation),
  },
  {
    name: 'ListDossiers',
    entry: 'functions/http/list-dossiers.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listMyDossiersOperation, listAgencyDossiersOperation),
  },
  {
    name: 'MarkResultReady',
    entry: 'functions/http/mark-result-ready.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(resultReadyOperation),
  },
  {
    name: 'MarkCollected',
    entry: 'functions/http/mark-collected.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(collectedOperation),
  },
  {
    name: 'KpiReport',
    entry: 'functions/http/kpi-report.ts',
    access: { table: 'read' },
    trigger: httpTrigger(kpiReportOperation),
  },
  {
    name: 'KpiReportCsv',
    entry: 'functions/http/kpi-report-csv.ts',
    access: { table: 'read' },
    trigger: httpTrigger(kpiCsvOperation),
  },
  {
    name: 'SetKpiTargets',
    entry: 'functions/http/set-kpi-targets.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(setTargetsOperation),
  },
  {
    name: 'ProposeKpiTargets',
    entry: 'functions/http/propose-kpi-targets.ts',
    access: { table: 'read' },
    trigger: httpTrigger(proposeTargetsOperation),
  },
  {
    name: 'KpiDashboard',
    entry: 'functions/http/kpi-dashboard.ts',
    access: {},
    trigger: httpTrigger(dashboardOperation),
  },
  {
    name: 'CreatePayment',
    entry: 'functions/http/create-payment.ts',
    access: { table: 'readWrite', secrets: paymentProviders.secrets(), settings: ['payments'] },
    trigger: httpTrigger(createPaymentOperation, createBasketPaymentOperation),
  },
  {
    name: 'GetPayment',
    entry: 'functions/http/get-payment.ts',
    access: { table: 'read' },
    trigger: httpTrigger(getPaymentOperation),
  },
  {
    name: 'VnpayIpn',
    entry: 'functions/http/vnpay-ipn.ts',
    access: { table: 'readWrite', secrets: [...paymentProviders.secrets(), ...paymentProviders.callbackSecrets('vnpay')], settings: ['payments'] },
    trigger: httpTrigger(vnpayIpnOperation),
  },
  {
    name: 'VnpayReturn',
    entry: 'functions/http/vnpay-return.ts',
    access: { table: 'read', secrets: [...paymentProviders.secrets(), ...paymentProviders.callbackSecrets('vnpay')], settings: ['payments'] },
    trigger: httpTrigger(vnpayReturnOperation),
  },
  {
    name: 'VietqrWebhook',
    entry: 'functions/http/vietqr-webhook.ts',
    access: { table: 'readWrite', secrets: paymentProviders.callbackSecrets('vietqr'), settings: ['payments'] },
    trigger: httpTrigger(vietqrWebhookOperation),
  },
  {
    name: 'NationalPlatformConfirm',
    entry: 'functions/http/national-platform-confirm.ts',
    // Reads the platform's settings alone: its secret verifies the Confirm and signs our reply.
    access: { table: 'readWrite', secrets: [...paymentProviders.module('national_platform').settings.secrets, ...paymentProviders.callbackSecrets('national_platform')], settings: ['payments'] },
    trigger: httpTrigger(nationalPlatformConfirmOperation),
  },
  {
    name: 'ExpirePayments',
    entry: 'functions/scheduled/expire-payments.ts',
    access: { table: 'readWrite', secrets: paymentProviders.secrets(), settings: ['payments'] },
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', everyMinutes: 1 },
  },
  {
    name: 'ListUnits',
    entry: 'functions/http/list-units.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listProvincesOperation, listCommunesOperation),
  },
  {
    name: 'RegisterDelivery',
    entry: 'functions/http/register-delivery.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(registerDeliveryOperation),
  },
  {
    name: 'GetDelivery',
    entry: 'functions/http/get-delivery.ts',
    access: { table: 'read' },
    trigger: httpTrigger(getDeliveryOperation),
  },
  {
    name: 'PostalWebhook',
    entry: 'functions/http/postal-webhook.ts',
    access: { table: 'readWrite', secrets: Carriers.webhookSecrets() },
    trigger: httpTrigger(postalWebhookOperation),
  },
  {
    name: 'SendPostalOrders',
    entry: 'functions/queue/send-postal-orders.ts',
    access: { table: 'readWrite', secrets: Carriers.apiSecrets(), settings: ['postal'] },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'postalOrders' },
  },
  {
    name: 'ReconcileDeliveries',
    entry: 'functions/scheduled/reconcile-deliveries.ts',
    access: { table: 'readWrite', secrets: Carriers.apiSecrets(), settings: ['postal'] },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 15 },
  },
  {
    name: 'ApplyDossierEvents',
    entry: 'functions/queue/apply-dossier-events.ts',
    access: { table: 'readWrite', sendTo: ['postalOrders', 'nationalPortalSync', 'receiptIssuance', 'notifications', 'portalWebhooks'] },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'dossierEvents' },
  },
  {
    name: 'ReconcilePayments',
    entry: 'functions/scheduled/reconcile-payments.ts',
    // Reads payments and dossiers, takes confirmed payments out of their index, writes outbox rows.
    access: { table: 'readWrite' },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 15 },
  },
  {
    name: 'RollUpKpis',
    entry: 'functions/scheduled/roll-up-kpis.ts',
    // Reads the month partitions of day counters and the catalogue, writes one item per period.
    access: { table: 'readWrite' },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 30 },
  },
  {
    name: 'PublishDossierEvents',
    entry: 'functions/stream/publish-dossier-events.ts',
    // Reads nothing of the table: the stream records carry the outbox rows (the event source reads the stream).
    access: { sendTo: ['dossierEvents'] },
    timeoutSeconds: 30,
    trigger: { kind: 'stream', stream: 'dossierOutbox' },
  },
  {
    name: 'PushNationalPortal',
    entry: 'functions/queue/push-national-portal.ts',
    // Reads dossiers, writes sync states, counters and the audit trail; the LGSP password from SSM.
    access: { table: 'readWrite', secrets: NationalPortalSecrets, settings: ['nationalPortal'] },
    timeoutSeconds: 60,
    trigger: { kind: 'queue', queue: 'nationalPortalSync' },
  },
  {
    name: 'DeliverPortalWebhooks',
    entry: 'functions/queue/deliver-portal-webhooks.ts',
    // Claims and records attempts on the delivery log, POSTs to the portal's URL, queues short retries.
    access: { table: 'readWrite', sendTo: ['portalWebhooks'], secrets: PortalWebhookSecrets, settings: ['portalWebhooks'] },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'portalWebhooks' },
  },
  {
    name: 'DispatchPortalWebhooks',
    entry: 'functions/scheduled/dispatch-portal-webhooks.ts',
    // Queues the retries due within the next 10 minutes (1 h, 1 d, 2 d waits) from the due index.
    access: { table: 'readWrite', sendTo: ['portalWebhooks'] },
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', everyMinutes: SWEEP_EVERY_MINUTES },
  },
  {
    name: 'ListWebhookDeliveries',
    entry: 'functions/http/list-webhook-deliveries.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listWebhookDeliveriesOperation),
  },
  {
    name: 'ListReceipts',
    entry: 'functions/http/list-receipts.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listReceiptsOperation),
  },
  {
    name: 'IssueReceipts',
    entry: 'functions/queue/issue-receipts.ts',
    // Reads dossiers, numbers and writes receipts; the receipt provider's passwords from SSM.
    access: { table: 'readWrite', secrets: ReceiptProviders.secrets(), settings: ['receipts'] },
    timeoutSeconds: 60,
    trigger: { kind: 'queue', queue: 'receiptIssuance' },
  },
  {
    name: 'SendReceiptSummaries',
    entry: 'functions/scheduled/send-receipt-summaries.ts',
    // Same-day summaries (01/TH-BLĐT) through the receipt provider; marks what went out.
    access: { table: 'readWrite', secrets: ReceiptProviders.secrets(), settings: ['receipts'] },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 30 },
  },
  {
    name: 'SendNotifications',
    entry: 'functions/queue/send-notifications.ts',
    // Reads and moves ledger rows, keeps the Zalo token pair; Zalo/eSMS secrets from SSM; email through SES.
    access: { table: 'readWrite', sendTo: ['notifications'], secrets: channelSecrets(), settings: ['notifications'], sendEmail: true },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'notifications' },
  },
  {
    name: 'ZaloWebhook',
    entry: 'functions/http/zalo-webhook.ts',
    // Verifies and queues only: no table access.
    access: { sendTo: ['notifications'], secrets: [NotificationSecrets.zaloWebhookSecrets], settings: ['notifications'] },
    trigger: httpTrigger(zaloWebhookOperation),
  },
  {
    name: 'ListNotifications',
    entry: 'functions/http/list-notifications.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listNotificationsOperation),
  },
  {
    name: 'PutNotificationPreferences',
    entry: 'functions/http/put-notification-preferences.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(putNotificationPreferencesOperation),
  },
  {
    name: 'RequestRefund',
    entry: 'functions/http/request-refund.ts',
    // The VNPay refund API signs with the merchant's hash secret and reads the gateway's API URL.
    access: { table: 'readWrite', sendTo: ['receiptIssuance'], secrets: paymentProviders.secrets(), settings: ['payments'] },
    timeoutSeconds: 30,
    trigger: httpTrigger(requestRefundOperation),
  },
  {
    name: 'ListRefunds',
    entry: 'functions/http/list-refunds.ts',
    // A read of the stores: no provider settings, no secret.
    access: { table: 'read' },
    trigger: httpTrigger(listRefundsOperation),
  },
  {
    name: 'ConfirmManualRefund',
    entry: 'functions/http/confirm-manual-refund.ts',
    access: { table: 'readWrite', sendTo: ['receiptIssuance'], secrets: paymentProviders.secrets(), settings: ['payments'] },
    trigger: httpTrigger(confirmManualRefundOperation),
  },
  {
    name: 'ListFinanceExceptions',
    entry: 'functions/http/list-finance-exceptions.ts',
    access: { table: 'read' },
    trigger: httpTrigger(listExceptionsOperation),
  },
  {
    name: 'ResolveFinanceException',
    entry: 'functions/http/resolve-finance-exception.ts',
    access: { table: 'readWrite' },
    trigger: httpTrigger(resolveExceptionOperation),
  },
  {
    name: 'FinanceSummary',
    entry: 'functions/http/finance-summary.ts',
    access: { table: 'read' },
    trigger: httpTrigger(financeSummaryOperation),
  },
  {
    name: 'PollRefunds',
    entry: 'functions/scheduled/poll-refunds.ts',
    access: { table: 'readWrite', sendTo: ['receiptIssuance'], secrets: paymentProviders.secrets(), settings: ['payments'] },
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', everyMinutes: 15 },
  },
  {
    name: 'ReconcileSettlements',
    entry: 'functions/scheduled/reconcile-settlements.ts',
    // Hourly; from 06:00 Viet Nam time each run reconciles day T for the providers not done yet (the schedule has no time of day).
    access: { table: 'readWrite', readSettlementFiles: true },
    timeoutSeconds: 300,
    trigger: { kind: 'schedule', everyMinutes: 60 },
  },
];

export function httpFunctions(): HttpFunction[] {
  return Functions.filter((f): f is HttpFunction => f.trigger.kind === 'http');
}

export function queueFunctions(): QueueFunction[] {
  return Functions.filter((f): f is QueueFunction => f.trigger.kind === 'queue');
}

export function scheduledFunctions(): ScheduledFunction[] {
  return Functions.filter((f): f is ScheduledFunction => f.trigger.kind === 'schedule');
}

export function streamFunctions(): StreamFunction[] {
  return Functions.filter((f): f is StreamFunction => f.trigger.kind === 'stream');
}

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
