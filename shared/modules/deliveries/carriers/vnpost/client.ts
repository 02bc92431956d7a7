import * as z from '../../../../platform/api/zod';
import { deliveryStatusFromCarrier, type CarrierCodeTables } from '../../domain/carrier-status';
import { isFailureReason } from '../../domain/failure-reason';
import { VNPOST_CODES } from './status-codes';
import { nextDeliveryStatus, type DeliveryStatus } from '../../domain/status';
import {
  PostalAuthenticationError,
  PostalOrderRejectedError,
  PostalServiceUnavailableError,
  type PostalOrder,
  type PostalService,
  type Tracking,
  type TrackingEvent,
} from '../../carrier-port';

export interface VnPostClientOptions {
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  /** Per HTTP request, token requests included. */
  readonly timeoutMs?: number;
  /** Renew the token this long before the carrier says it expires, so it never lapses in flight. */
  readonly tokenRenewBeforeMs?: number;
  readonly codes?: CarrierCodeTables;
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RENEW_BEFORE_MS = 60_000;
const MESSAGE_MAX = 300;

const CodeSchema = z.union([z.string(), z.number()]);
const TokenSchema = z.looseObject({ token: z.string().check(z.minLength(1)), expiresIn: z.number().check(z.positive()) });
const OrderSchema = z.looseObject({ trackingNumber: z.string().check(z.minLength(1)) });
/** The carrier's duplicate answer: the existing order, at the top level or under `order`. */
const ExistingOrderSchema = z.union([OrderSchema, z.pipe(z.looseObject({ order: OrderSchema }), z.transform((body) => body.order))]);
const TrackingSchema = z.looseObject({
  trackingNumber: z.optional(z.string()),
  status: z.optional(CodeSchema),
  events: z._default(z.array(
      z.looseObject({
        status: CodeSchema,
        occurredAt: z.string(),
        location: z.optional(z.string()),
        reason: z.optional(z.string()),
        description: z.optional(z.string()),
      }),
    ), []),
});

interface Reply {
  readonly status: number;
  readonly json: unknown;
}

/**
 * The VNPost-style order API over global fetch. The wire format lives only in this file: the port
 * speaks our statuses, and the carrier's codes go through its tables (status-codes.ts).
 */
export class VnPostClient implements PostalService {
  private token: { value: string; renewAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: VnPostClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  async createOrder(order: PostalOrder): Promise<{ trackingNumber: string }> {
    const reply = await this.call('POST', '/orders', wireOrder(order), { 'idempotency-key': order.orderNumber });
    if (reply.status === 200 || reply.status === 201) return { trackingNumber: this.parse(OrderSchema, reply, 'order').trackingNumber };
    // The order number is ours and unique per delivery: a duplicate is our own earlier create.
    if (reply.status === 409) {
      const existing = ExistingOrderSchema.safeParse(reply.json);
      if (existing.success) return { trackingNumber: existing.data.trackingNumber };
    }
    throw rejected(`create order ${order.orderNumber}`, reply);
  }

  async cancelOrder(orderNumber: string): Promise<void> {
    const reply = await this.call('POST', `/orders/${encodeURIComponent(orderNumber)}/cancel`);
    if (reply.status < 200 || reply.status > 299) throw rejected(`cancel order ${orderNumber}`, reply);
  }

  async getTracking(trackingNumber: string): Promise<Tracking> {
    const reply = await this.call('GET', `/tracking/${encodeURIComponent(trackingNumber)}`);
    if (reply.status !== 200) throw rejected(`give tracking of ${trackingNumber}`, reply);
    const body = this.parse(TrackingSchema, reply, 'tracking');
    const codes = this.options.codes ?? VNPOST_CODES;
    const unknownCodes = new Set<string>();
    const statusOf = (code: string | number): DeliveryStatus | undefined => {
      const status = deliveryStatusFromCarrier(code, codes);
      if (!status) unknownCodes.add(String(code));
      return status;
    };

    const events: TrackingEvent[] = body.events
      .map((e) => {
        const status = statusOf(e.status);
        const reason = isFailureReason(e.reason) ? e.reason : undefined;
        const description = e.description ?? (reason ? undefined : e.reason);
        return {
          ...(status ? { status } : {}),
          carrierCode: String(e.status),
          occurredAt: e.occurredAt,
          ...(e.location ? { location: e.location } : {}),
          ...(reason ? { reason } : {}),
          ...(description ? { description } : {}),
        };
      })
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));

    // The carrier's own summary wins; without a known one, replay the events through our lifecycle.
    const summary = body.status === undefined ? undefined : statusOf(body.status);
    const replayed = events.reduce<DeliveryStatus>((current, e) => (e.status ? nextDeliveryStatus(current, e.status).status : current), 'ORDER_CREATED');
    return { trackingNumber: body.trackingNumber ?? trackingNumber, status: summary ?? replayed, events, unknownCodes: [...unknownCodes] };
  }

  /** An authenticated request: one token refresh and retry on 401; 5xx, 408, 429 are retryable. */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    let token = await this.accessToken();
    let reply = await this.send(method, path, body, { ...headers, authorization: `Bearer ${token}` });
    if (reply.status === 401) {
      // The carrier may revoke a token before its stated expiry (restart, rotation): renew once.
      if (this.token?.value === token) this.token = undefined;
      token = await this.accessToken();
      reply = await this.send(method, path, body, { ...headers, authorization: `Bearer ${token}` });
      if (reply.status === 401) throw new PostalAuthenticationError(`The postal service refused a fresh token for ${method} ${path}`);
    }
    if (isRetryableStatus(reply.status)) {
      throw new PostalServiceUnavailableError(`The postal service answered ${reply.status} to ${method} ${path}${carrierMessage(reply) ? `: ${carrierMessage(reply)}` : ''}`);
    }
    return reply;
  }

  /** The cached token, or one new one shared by every request that needs it meanwhile. */
  private async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.tokenRequest ??= this.requestToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  private async requestToken(): Promise<string> {
    const { username, password } = this.options;
    const reply = await this.send('POST', '/auth/token', { username, password }, {});
    if (reply.status === 400 || reply.status === 401 || reply.status === 403) {
      throw new PostalAuthenticationError(`The postal service refused our credentials (${reply.status})`);
    }
    if (reply.status !== 200) throw new PostalServiceUnavailableError(`The postal service answered ${reply.status} to the token request`);
    const parsed = TokenSchema.safeParse(reply.json);
    if (!parsed.success) throw new PostalServiceUnavailableError('The postal service sent a token response without token and expiresIn');
    const lifetimeMs = parsed.data.expiresIn * 1000;
    const renewBefore = Math.min(this.options.tokenRenewBeforeMs ?? DEFAULT_RENEW_BEFORE_MS, lifetimeMs / 2);
    this.token = { value: parsed.data.token, renewAt: this.now() + lifetimeMs - renewBefore };
    return parsed.data.token;
  }

  private async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Reply> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, json: parseJson(text) };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new PostalServiceUnavailableError(
        timedOut ? `The postal service did not answer ${method} ${path} within ${this.timeoutMs} ms` : `Cannot reach the postal service for ${method} ${path}`,
        { cause: error },
      );
    }
  }

  /** A 2xx body we cannot read: the carrier changed its format, which waiting will not fix. */
  private parse<T>(schema: z.ZodMiniType<T>, reply: Reply, what: string): T {
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) throw new PostalOrderRejectedError(`The postal service sent an unreadable ${what} response`, reply.status);
    return parsed.data;
  }
}

function wireOrder(order: PostalOrder) {
  const place = (a: PostalOrder['address']) => ({ provinceCode: a.provinceCode, communeCode: a.communeCode, address: a.street });
  return {
    orderNumber: order.orderNumber,
    sender: { name: order.sender.name, ...(order.sender.phone ? { phone: order.sender.phone } : {}), ...place(order.sender.address) },
    receiver: { fullName: order.recipient.fullName, phone: order.recipient.phone, ...place(order.address) },
    weightGrams: order.weightGrams,
    codAmount: order.codAmount,
    ...(order.note ? { note: order.note } : {}),
  };
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function rejected(what: string, reply: Reply): PostalOrderRejectedError {
  const message = carrierMessage(reply);
  return new PostalOrderRejectedError(`The postal service refused to ${what} (${reply.status})${message ? `: ${message}` : ''}`, reply.status, message);
}

/** The carrier's own explanation, shortened: it may echo parts of the order. */
function carrierMessage(reply: Reply): string | undefined {
  const json = reply.json as { message?: unknown; error?: unknown } | undefined;
  const message = typeof json?.message === 'string' ? json.message : typeof json?.error === 'string' ? json.error : undefined;
  return message?.slice(0, MESSAGE_MAX);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
