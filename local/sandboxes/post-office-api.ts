import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from '../../shared/platform/api/zod';
import type { FailureReason } from '../../shared/modules/deliveries/domain/failure-reason';
import { nextDeliveryStatus, type DeliveryStatus } from '../../shared/modules/deliveries/domain/status';
import { normaliseVietnamesePhone } from '../../shared/modules/identity/domain/phone';
import type { HttpMethod } from '../../shared/app/functions';
import type { LocalRoute } from '../api-gateway';

/** Where the carrier API is served: our client's `baseUrl` is `${runtimeBaseUrl}${POSTAL_API_PREFIX}`. */
export const POSTAL_API_PREFIX = '/sandbox/postal/api';
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Every status a carrier can report: REQUESTED is ours alone (no order yet). */
export type CarrierStatus = Exclude<DeliveryStatus, 'REQUESTED'>;

/** The code the sandbox sends for each status; each maps back to it through VNPOST_STATUS_CODES (a test checks). */
export const SANDBOX_STATUS_CODES: Readonly<Record<CarrierStatus, number>> = {
  ORDER_CREATED: 1,
  PICKED_UP: 2,
  IN_TRANSIT: 3,
  OUT_FOR_DELIVERY: 7,
  DELIVERED: 14,
  ATTEMPT_FAILED: 15,
  AVAILABLE_AT_POST_OFFICE: 16,
  RETURNED_TO_AGENCY: 18,
  CANCELLED: 21,
  LOST: 22,
};

export interface PostOfficeEvent {
  readonly eventId: string;
  readonly status: CarrierStatus;
  readonly code: number;
  readonly occurredAt: string;
  readonly location?: string;
  readonly reason?: FailureReason;
  readonly description?: string;
}

const phone = z.string().check(z.refine((value) => normaliseVietnamesePhone(value) !== undefined, 'not a Vietnamese phone number'));
const place = { provinceCode: z.string().check(z.minLength(1)), communeCode: z.string().check(z.minLength(1)), address: z.string().check(z.trim(), z.minLength(1)) };
/** What `wireOrder` of the VNPost client sends. */
const WireOrderSchema = z.object({
  orderNumber: z.string().check(z.minLength(1), z.maxLength(100)),
  sender: z.object({ name: z.string().check(z.trim(), z.minLength(1)), phone: z.optional(phone), ...place }),
  receiver: z.object({ fullName: z.string().check(z.trim(), z.minLength(1)), phone, ...place }),
  weightGrams: z.number().check(z.int(), z.positive()),
  codAmount: z.number().check(z.int(), z.nonnegative()),
  note: z.optional(z.string()),
});
export type WireOrder = z.infer<typeof WireOrderSchema>;

export interface PostOfficeOrder {
  readonly orderNumber: string;
  readonly trackingNumber: string;
  readonly recipientName: string;
  /** The carrier's summary: the events replayed through `nextDeliveryStatus`, so a late event never moves it back. */
  readonly status: DeliveryStatus;
  /** Oldest first. */
  readonly events: readonly PostOfficeEvent[];
  /** POST /orders calls for this order number: 1, plus one per duplicate. */
  readonly createdCount: number;
  readonly request: WireOrder;
}

type StoredOrder = { -readonly [K in keyof PostOfficeOrder]: PostOfficeOrder[K] } & { events: PostOfficeEvent[] };

export interface EventInput {
  readonly status: CarrierStatus;
  readonly location?: string;
  readonly reason?: FailureReason;
  readonly description?: string;
}

/** The sandbox carrier's memory: orders, tokens, and the switches tests use. */
export class PostOfficeStore {
  private readonly byOrderNumber = new Map<string, StoredOrder>();
  private readonly byTrackingNumber = new Map<string, StoredOrder>();
  private readonly tokens = new Map<string, number>();
  createCalls = 0;
  outage = false;

  orders(): PostOfficeOrder[] {
    return [...this.byOrderNumber.values()].map((order) => ({ ...order, events: [...order.events] }));
  }

  find(trackingNumber: string): PostOfficeOrder | undefined {
    return this.byTrackingNumber.get(trackingNumber);
  }

  issueToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
    return token;
  }

  tokenValid(token: string | undefined): boolean {
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    if (expiresAt !== undefined && expiresAt <= Date.now()) this.tokens.delete(token!);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  create(request: WireOrder): { order: PostOfficeOrder; created: boolean } {
    const existing = this.byOrderNumber.get(request.orderNumber);
    if (existing) {
      existing.createdCount++;
      return { order: existing, created: false };
    }
    let trackingNumber = s10TrackingNumber();
    while (this.byTrackingNumber.has(trackingNumber)) trackingNumber = s10TrackingNumber();
    const order: StoredOrder = {
      orderNumber: request.orderNumber,
      trackingNumber,
      recipientName: request.receiver.fullName,
      status: 'ORDER_CREATED',
      events: [],
      createdCount: 1,
      request,
    };
    this.byOrderNumber.set(order.orderNumber, order);
    this.byTrackingNumber.set(trackingNumber, order);
    this.record(trackingNumber, { status: 'ORDER_CREATED', description: 'Bưu điện đã nhận thông tin đơn hàng' });
    return { order, created: true };
  }

  /** Appends an event (strictly later than the previous one, so time order is event order). */
  record(trackingNumber: string, input: EventInput): PostOfficeEvent {
    const order = this.byTrackingNumber.get(trackingNumber);
    if (!order) throw new Error(`No sandbox order ${trackingNumber}`);
    const last = order.events.at(-1);
    const at = Math.max(Date.now(), last ? Date.parse(last.occurredAt) + 1 : 0);
    const event: PostOfficeEvent = {
      eventId: randomUUID(),
      status: input.status,
      code: SANDBOX_STATUS_CODES[input.status],
      occurredAt: new Date(at).toISOString(),
      ...(input.location ? { location: input.location } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.description ? { description: input.description } : {}),
    };
    order.events.push(event);
    order.status = nextDeliveryStatus(order.status, input.status).status;
    return event;
  }
}

/** A UPU S10 item number: EB, 8 digits, their check digit, VN. */
function s10TrackingNumber(): string {
  const digits = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return `EB${digits}${check === 10 ? 0 : check === 11 ? 5 : check}VN`;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function orderView(order: PostOfficeOrder) {
  return { orderNumber: order.orderNumber, trackingNumber: order.trackingNumber, status: SANDBOX_STATUS_CODES[order.status as CarrierStatus] };
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer, params: Record<string, string>) => void;

/** The VNPost-style order API of carriers/vnpost/client.ts, under POSTAL_API_PREFIX. */
export function postOfficeApiRoutes(store: PostOfficeStore, credentials: { username: string; password: string }): LocalRoute[] {
  const route = (method: HttpMethod, path: string, handle: Handler, authenticated = true): LocalRoute => ({
    method,
    path: `${POSTAL_API_PREFIX}${path}`,
    async handle(request, response, body, params) {
      if (method === 'POST' && path === '/orders') store.createCalls++;
      if (store.outage) return sendJson(response, 503, { message: 'Hệ thống bưu chính đang bảo trì (sandbox outage)' });
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (authenticated && !store.tokenValid(token)) {
        return sendJson(response, 401, { message: 'Invalid or expired token' }, { 'www-authenticate': 'Bearer' });
      }
      handle(request, response, body, params);
    },
  });

  return [
    route(
      'POST',
      '/auth/token',
      (_request, response, body) => {
        const parsed = z.object({ username: z.string(), password: z.string() }).safeParse(parseJsonBody(body));
        if (!parsed.success) return sendJson(response, 400, { message: 'username and password are required' });
        if (parsed.data.username !== credentials.username || parsed.data.password !== credentials.password) {
          return sendJson(response, 401, { message: 'Wrong username or password' });
        }
        sendJson(response, 200, { token: store.issueToken(), expiresIn: TOKEN_LIFETIME_SECONDS });
      },
      false,
    ),
    route('POST', '/orders', (_request, response, body) => {
      const parsed = WireOrderSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
        return sendJson(response, 400, { message: `Invalid order: ${issues.join('; ')}` });
      }
      const { order, created } = store.create(parsed.data);
      if (created) return sendJson(response, 201, { ...orderView(order), createdAt: order.events[0]!.occurredAt });
      sendJson(response, 409, { message: `Duplicate orderNumber ${order.orderNumber}`, ...orderView(order) });
    }),
    route('POST', '/orders/{orderNumber}/cancel', (_request, response, _body, params) => {
      const order = store.orders().find((o) => o.orderNumber === params.orderNumber);
      if (!order) return sendJson(response, 404, { message: `Unknown order ${params.orderNumber}` });
      if (order.status === 'ORDER_CREATED') store.record(order.trackingNumber, { status: 'CANCELLED', description: 'Đơn hàng đã bị hủy' });
      else if (order.status !== 'CANCELLED') return sendJson(response, 409, { message: `Cannot cancel: the item is already ${order.status}` });
      sendJson(response, 200, orderView(store.find(order.trackingNumber)!));
    }),
    route('GET', '/tracking/{trackingNumber}', (_request, response, _body, params) => {
      const order = store.find(params.trackingNumber ?? '');
      if (!order) return sendJson(response, 404, { message: `Unknown tracking number ${params.trackingNumber}` });
      sendJson(response, 200, {
        ...orderView(order),
        events: order.events.map(({ eventId: _id, status: _status, code, ...rest }) => ({ status: code, ...rest })),
      });
    }),
  ];
}
