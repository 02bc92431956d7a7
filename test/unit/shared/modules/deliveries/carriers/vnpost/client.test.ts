import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VnPostClient, type VnPostClientOptions } from '../../../../../../../shared/modules/deliveries/carriers/vnpost/client';
import {
  PostalAuthenticationError,
  PostalOrderRejectedError,
  PostalServiceUnavailableError,
  type PostalOrder,
} from '../../../../../../../shared/modules/deliveries/carrier-port';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: any;
}

interface Canned {
  readonly status: number;
  readonly body?: unknown;
  readonly delayMs?: number;
}

/**
 * A carrier on 127.0.0.1 behaving like the VNPost-style API: tokens, orders deduplicated by order
 * number, cancellation, tracking. `failNext` injects one canned answer for a path.
 */
class FakeCarrier {
  readonly requests: Seen[] = [];
  readonly orders = new Map<string, string>();
  tokenLifetimeSeconds = 3600;
  tracking: Record<string, unknown> = {};
  private validTokens = new Set<string>();
  private issued = 0;
  private canned = new Map<string, Canned[]>();

  get tokenRequests(): number {
    return this.requests.filter((r) => r.url === '/auth/token').length;
  }

  revokeTokens(): void {
    this.validTokens.clear();
  }

  failNext(path: string, answer: Canned): void {
    this.canned.set(path, [...(this.canned.get(path) ?? []), answer]);
  }

  reset(): void {
    this.requests.length = 0;
    this.orders.clear();
    this.validTokens.clear();
    this.canned.clear();
    this.issued = 0;
    this.tokenLifetimeSeconds = 3600;
    this.tracking = {};
  }

  handle(seen: Seen): Canned {
    const canned = this.canned.get(seen.url)?.shift();
    if (canned) return canned;
    if (seen.url === '/auth/token') {
      if (seen.body?.username !== 'agency' || seen.body?.password !== 'secret') return { status: 401, body: { message: 'bad credentials' } };
      const token = `tok-${++this.issued}`;
      this.validTokens.add(token);
      return { status: 200, body: { token, expiresIn: this.tokenLifetimeSeconds } };
    }
    if (!this.validTokens.has(String(seen.headers.authorization).replace(/^Bearer /, ''))) return { status: 401, body: { message: 'token expired' } };
    if (seen.method === 'POST' && seen.url === '/orders') {
      const existing = this.orders.get(seen.body.orderNumber);
      if (existing) return { status: 409, body: { message: 'duplicate orderNumber', order: { orderNumber: seen.body.orderNumber, trackingNumber: existing } } };
      const trackingNumber = `EB${String(this.orders.size + 1).padStart(9, '0')}VN`;
      this.orders.set(seen.body.orderNumber, trackingNumber);
      return { status: 201, body: { trackingNumber } };
    }
    const cancel = /^\/orders\/([^/]+)\/cancel$/.exec(seen.url);
    if (seen.method === 'POST' && cancel) return this.orders.has(decodeURIComponent(cancel[1]!)) ? { status: 204 } : { status: 404, body: { message: 'no such order' } };
    if (seen.method === 'GET' && seen.url.startsWith('/tracking/')) return { status: 200, body: this.tracking };
    return { status: 404 };
  }
}

const carrier = new FakeCarrier();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const seen: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      carrier.requests.push(seen);
      const answer = carrier.handle(seen);
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.body === undefined ? {} : { 'content-type': 'application/json' });
        res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => carrier.reset());

const client = (options: Partial<VnPostClientOptions> = {}) => new VnPostClient({ baseUrl, username: 'agency', password: 'secret', ...options });

const order = (orderNumber = 'DLV-0001'): PostalOrder => ({
  orderNumber,
  sender: { name: 'Sở Tư pháp Hải Phòng', phone: '02253842000', address: { provinceCode: '31', communeCode: '11311', street: 'Số 18 Hoàng Diệu' } },
  recipient: { fullName: 'Nguyễn Văn A', phone: '+84912345678' },
  address: { provinceCode: '01', communeCode: '00070', street: '1 Tràng Tiền' },
  weightGrams: 250,
  codAmount: 0,
  note: 'Kết quả TTHC',
});

describe('Class: VnPostClient', () => {
  describe('token', () => {
    it('fetches one token and reuses it until shortly before it expires', async () => {
      let now = 1_000_000;
      carrier.tokenLifetimeSeconds = 300;
      const postal = client({ now: () => now });
      await postal.createOrder(order('A'));
      await postal.createOrder(order('B'));
      expect(carrier.tokenRequests).toBe(1);
      now += 239_000;
      await postal.createOrder(order('C'));
      expect(carrier.tokenRequests).toBe(1);
      now += 2_000; // 60 s before expiry: renew
      await postal.createOrder(order('D'));
      expect(carrier.tokenRequests).toBe(2);
      expect(carrier.requests.find((r) => r.url === '/auth/token')?.body).toEqual({ username: 'agency', password: 'secret' });
    });

    it('shares one token request between concurrent calls', async () => {
      const postal = client();
      await Promise.all(['A', 'B', 'C', 'D'].map((n) => postal.createOrder(order(n))));
      expect(carrier.tokenRequests).toBe(1);
    });

    it('refreshes the token once on 401 and retries the request', async () => {
      const postal = client();
      await postal.createOrder(order('A'));
      carrier.revokeTokens();
      expect(await postal.createOrder(order('B'))).toEqual({ trackingNumber: 'EB000000002VN' });
      expect(carrier.tokenRequests).toBe(2);
      expect(carrier.requests.filter((r) => r.url === '/orders').map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    });

    it('gives up with PostalAuthenticationError when a fresh token is refused too', async () => {
      carrier.failNext('/orders', { status: 401 });
      carrier.failNext('/orders', { status: 401 });
      const error = await client().createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalAuthenticationError);
      expect(error).toBeInstanceOf(PostalServiceUnavailableError);
      expect(carrier.tokenRequests).toBe(2);
    });

    it('refuses wrong credentials as a retryable authentication fault', async () => {
      const error = await client({ password: 'wrong' }).createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalAuthenticationError);
      expect((error as PostalAuthenticationError).retryable).toBe(true);
      expect(carrier.requests.map((r) => r.url)).toEqual(['/auth/token']);
    });

    it('treats a 5xx from the token endpoint as unavailable', async () => {
      carrier.failNext('/auth/token', { status: 503 });
      await expect(client().createOrder(order())).rejects.toBeInstanceOf(PostalServiceUnavailableError);
    });
  });

  describe('createOrder', () => {
    it('sends the order in the carrier format with our order number as idempotency key', async () => {
      expect(await client().createOrder(order())).toEqual({ trackingNumber: 'EB000000001VN' });
      const sent = carrier.requests.find((r) => r.url === '/orders')!;
      expect(sent.headers['idempotency-key']).toBe('DLV-0001');
      expect(sent.body).toEqual({
        orderNumber: 'DLV-0001',
        sender: { name: 'Sở Tư pháp Hải Phòng', phone: '02253842000', provinceCode: '31', communeCode: '11311', address: 'Số 18 Hoàng Diệu' },
        receiver: { fullName: 'Nguyễn Văn A', phone: '+84912345678', provinceCode: '01', communeCode: '00070', address: '1 Tràng Tiền' },
        weightGrams: 250,
        codAmount: 0,
        note: 'Kết quả TTHC',
      });
    });

    it('answers the existing tracking number when a retried create meets 409', async () => {
      const first = await client().createOrder(order());
      const retried = await client().createOrder(order());
      expect(retried).toEqual(first);
      expect(carrier.orders.size).toBe(1);
    });

    it('accepts a 409 with the tracking number at the top level', async () => {
      carrier.failNext('/orders', { status: 409, body: { trackingNumber: 'EB999999999VN' } });
      expect(await client().createOrder(order())).toEqual({ trackingNumber: 'EB999999999VN' });
    });

    it('refuses a 409 that does not name the existing order', async () => {
      carrier.failNext('/orders', { status: 409, body: { message: 'duplicate' } });
      await expect(client().createOrder(order())).rejects.toBeInstanceOf(PostalOrderRejectedError);
    });

    it.each([500, 502, 503, 504, 408, 429])('throws PostalServiceUnavailableError on %i', async (status) => {
      carrier.failNext('/orders', { status, body: { message: 'busy' } });
      const error = await client().createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalServiceUnavailableError);
      expect((error as PostalServiceUnavailableError).retryable).toBe(true);
      expect((error as Error).message).toContain(String(status));
    });

    it.each([400, 403, 404, 422])('throws PostalOrderRejectedError on %i with the carrier message', async (status) => {
      carrier.failNext('/orders', { status, body: { message: 'communeCode không hợp lệ' } });
      const error = await client().createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalOrderRejectedError);
      expect(error).toMatchObject({ retryable: false, httpStatus: status, carrierMessage: 'communeCode không hợp lệ', name: 'PostalOrderRejectedError' });
    });

    it('refuses a 2xx answer without a tracking number', async () => {
      carrier.failNext('/orders', { status: 201, body: { ok: true } });
      await expect(client().createOrder(order())).rejects.toThrow(/unreadable order response/);
    });

    it('times out a carrier that does not answer', async () => {
      carrier.failNext('/orders', { status: 201, body: { trackingNumber: 'late' }, delayMs: 2_000 });
      const started = Date.now();
      const error = await client({ timeoutMs: 150 }).createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalServiceUnavailableError);
      expect((error as Error).message).toContain('within 150 ms');
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('reports an unreachable carrier as unavailable', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const error = await client({ baseUrl: `http://127.0.0.1:${port}` }).createOrder(order()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostalServiceUnavailableError);
      expect((error as Error).message).toMatch(/Cannot reach/);
      expect((error as Error).cause).toBeDefined();
    });
  });

  describe('cancelOrder', () => {
    it('posts to the order cancel path, encoding the order number', async () => {
      const postal = client();
      await postal.createOrder(order('DLV/7 a'));
      await postal.cancelOrder('DLV/7 a');
      expect(carrier.requests.at(-1)).toMatchObject({ method: 'POST', url: '/orders/DLV%2F7%20a/cancel' });
    });

    it('throws PostalOrderRejectedError when the carrier refuses', async () => {
      await expect(client().cancelOrder('unknown')).rejects.toMatchObject({ name: 'PostalOrderRejectedError', httpStatus: 404, carrierMessage: 'no such order' });
    });
  });

  describe('getTracking', () => {
    it('maps codes and names to our statuses, oldest event first, and lists unknown codes', async () => {
      carrier.tracking = {
        trackingNumber: 'EB000000001VN',
        status: 15,
        events: [
          { status: '15', occurredAt: '2026-03-12T03:00:00Z', location: 'Bưu cục Hồng Bàng', reason: 'absent_after_invitations' },
          { status: 1, occurredAt: '2026-03-10T02:00:00Z' },
          { status: 'in_transit', occurredAt: '2026-03-11T02:00:00Z' },
          { status: 99, occurredAt: '2026-03-11T05:00:00Z', reason: 'hold at customs' },
        ],
      };
      const tracking = await client().getTracking('EB000000001VN');
      expect(carrier.requests.at(-1)).toMatchObject({ method: 'GET', url: '/tracking/EB000000001VN' });
      expect(tracking).toEqual({
        trackingNumber: 'EB000000001VN',
        status: 'ATTEMPT_FAILED',
        events: [
          { status: 'ORDER_CREATED', carrierCode: '1', occurredAt: '2026-03-10T02:00:00Z' },
          { status: 'IN_TRANSIT', carrierCode: 'in_transit', occurredAt: '2026-03-11T02:00:00Z' },
          { carrierCode: '99', occurredAt: '2026-03-11T05:00:00Z', description: 'hold at customs' },
          { status: 'ATTEMPT_FAILED', carrierCode: '15', occurredAt: '2026-03-12T03:00:00Z', location: 'Bưu cục Hồng Bàng', reason: 'absent_after_invitations' },
        ],
        unknownCodes: ['99'],
      });
    });

    it('replays the events when the summary code is unknown', async () => {
      carrier.tracking = {
        status: 'mystery',
        events: [
          { status: 14, occurredAt: '2026-03-13T02:00:00Z' },
          { status: 3, occurredAt: '2026-03-11T02:00:00Z' },
        ],
      };
      const tracking = await client().getTracking('EB1');
      expect(tracking.status).toBe('DELIVERED');
      expect(tracking.trackingNumber).toBe('EB1');
      expect(tracking.unknownCodes).toEqual(['mystery']);
    });

    it('throws PostalOrderRejectedError for an unknown tracking number', async () => {
      carrier.failNext('/tracking/NOPE', { status: 404, body: { message: 'not found' } });
      await expect(client().getTracking('NOPE')).rejects.toBeInstanceOf(PostalOrderRejectedError);
    });
  });
});
