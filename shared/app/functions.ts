import type { HttpMethod, RouteAuth } from '../platform/api/operation';
import type { QueueKey } from '../platform/config/resources';
import type { SecretName } from '../platform/config/secrets';

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
  readonly settings?: readonly ('payments' | 'postal')[];
}

interface FunctionBase {
  /** Construct id and function-name suffix. */
  readonly name: string;
  /** Handler module, relative to the repository root; it must export `handler`. */
  readonly entry: string;
  readonly access: FunctionAccess;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}

export interface HttpFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'http'; readonly routes: readonly Route[] };
}

export interface QueueFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'queue'; readonly queue: QueueKey };
}

export interface ScheduledFunction extends FunctionBase {
  readonly trigger: { readonly kind: 'schedule'; readonly everyMinutes: number };
}

export type FunctionDefinition = HttpFunction | QueueFunction | ScheduledFunction;

export const Functions: readonly FunctionDefinition[] = [
  {
    name: 'Health',
    entry: 'functions/http/health.ts',
    access: {},
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/health', auth: 'none' }] },
  },
  {
    name: 'OpenApi',
    entry: 'functions/http/openapi.ts',
    access: {},
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/openapi.json', auth: 'none' }] },
  },
  {
    name: 'ListProcedures',
    entry: 'functions/http/list-procedures.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/procedures', auth: 'none' }] },
  },
  {
    name: 'GetProcedure',
    entry: 'functions/http/get-procedure.ts',
    access: { table: 'read' },
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/v1/procedures/{procedureCode}', auth: 'none' }],
    },
  },
  {
    name: 'QuoteFees',
    entry: 'functions/http/quote-fees.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/fees/quote', auth: 'none' }] },
  },
  {
    name: 'RegisterDossier',
    entry: 'functions/http/register-dossier.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    trigger: { kind: 'http', routes: [{ method: 'PUT', path: '/v1/dossiers/{dossierNo}', auth: 'jwt' }] },
  },
  {
    name: 'GetDossier',
    entry: 'functions/http/get-dossier.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/dossiers/{dossierNo}', auth: 'jwt' }] },
  },
  {
    name: 'MarkResultReady',
    entry: 'functions/http/mark-result-ready.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/dossiers/{dossierNo}/result', auth: 'jwt' }] },
  },
  {
    name: 'MarkCollected',
    entry: 'functions/http/mark-collected.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/dossiers/{dossierNo}/collected', auth: 'jwt' }] },
  },
  {
    name: 'KpiReport',
    entry: 'functions/http/kpi-report.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/reports/kpis', auth: 'jwt' }] },
  },
  {
    name: 'CreatePayment',
    entry: 'functions/http/create-payment.ts',
    access: { table: 'readWrite', secrets: ['VNPAY_HASH_SECRET'], settings: ['payments'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/dossiers/{dossierNo}/payments', auth: 'jwt' }] },
  },
  {
    name: 'GetPayment',
    entry: 'functions/http/get-payment.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/payments/{paymentId}', auth: 'jwt' }] },
  },
  {
    name: 'VnpayIpn',
    entry: 'functions/http/vnpay-ipn.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['VNPAY_HASH_SECRET'], settings: ['payments'] },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/callbacks/vnpay/ipn', auth: 'none' }] },
  },
  {
    name: 'VnpayReturn',
    entry: 'functions/http/vnpay-return.ts',
    access: { table: 'read', secrets: ['VNPAY_HASH_SECRET'], settings: ['payments'] },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/callbacks/vnpay/return', auth: 'none' }] },
  },
  {
    name: 'VietqrWebhook',
    entry: 'functions/http/vietqr-webhook.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['VIETQR_WEBHOOK_SECRETS'], settings: ['payments'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/callbacks/vietqr', auth: 'none' }] },
  },
  {
    name: 'ExpirePayments',
    entry: 'functions/scheduled/expire-payments.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['VNPAY_HASH_SECRET'], settings: ['payments'] },
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', everyMinutes: 1 },
  },
  {
    name: 'RegisterDelivery',
    entry: 'functions/http/register-delivery.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/dossiers/{dossierNo}/delivery', auth: 'jwt' }] },
  },
  {
    name: 'GetDelivery',
    entry: 'functions/http/get-delivery.ts',
    access: { table: 'read' },
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/dossiers/{dossierNo}/delivery', auth: 'jwt' }] },
  },
  {
    name: 'PostalWebhook',
    entry: 'functions/http/postal-webhook.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['POSTAL_WEBHOOK_SECRETS'] },
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/v1/callbacks/postal', auth: 'none' }] },
  },
  {
    name: 'SendPostalOrders',
    entry: 'functions/queue/send-postal-orders.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['POSTAL_API_PASSWORD'], settings: ['postal'] },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'postalOrders' },
  },
  {
    name: 'ReconcileDeliveries',
    entry: 'functions/scheduled/reconcile-deliveries.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'], secrets: ['POSTAL_API_PASSWORD'], settings: ['postal'] },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 15 },
  },
  {
    name: 'ApplyDossierEvents',
    entry: 'functions/queue/apply-dossier-events.ts',
    access: { table: 'readWrite', sendTo: ['postalOrders'] },
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'dossierEvents' },
  },
  {
    name: 'ReconcilePayments',
    entry: 'functions/scheduled/reconcile-payments.ts',
    // Reads payments and dossiers, takes confirmed payments out of their index, writes outbox rows.
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', everyMinutes: 15 },
  },
  {
    name: 'RelayOutbox',
    entry: 'functions/scheduled/relay-outbox.ts',
    access: { table: 'readWrite', sendTo: ['dossierEvents'] },
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', everyMinutes: 1 },
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

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
