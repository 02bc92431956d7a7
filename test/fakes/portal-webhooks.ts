import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import { awaitsDispatch, type PostResult, type WebhookDelivery, type WebhookMessage } from '../../shared/modules/portal-webhooks/domain/delivery';
import type { DeliveryPage, PortalEndpoint, WebhookDeliveryStore, WebhookQueue } from '../../shared/modules/portal-webhooks/ports';
import type { Clock } from '../../shared/platform/kernel/time';

const key = (dossierNo: string, sequence: number) => `${dossierNo}#${String(sequence).padStart(6, '0')}`;

/** The delivery log in memory, with the Dynamo store's conditions (the first record only if none, then on the version read; a due index). */
export class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  readonly deliveries = new Map<string, WebhookDelivery>();

  /** Every write, in order: the test counts what a delivery costs. */
  readonly writes: { status: string; attempts: number }[] = [];

  async get(dossierNo: string, sequence: number) {
    return this.deliveries.get(key(dossierNo, sequence));
  }
  async save(next: WebhookDelivery, from?: number) {
    const current = this.deliveries.get(key(next.dossierNo, next.sequence));
    if (from === undefined ? current !== undefined : current?.version !== from) throw new RetryableWriteConflict(`delivery ${next.webhookId} moved`);
    this.deliveries.set(key(next.dossierNo, next.sequence), next);
    this.writes.push({ status: next.status, attempts: next.attempts.length });
  }
  async markDispatched(delivery: WebhookDelivery, attempt: number) {
    const current = this.deliveries.get(key(delivery.dossierNo, delivery.sequence));
    if (!current || current.version !== delivery.version) return false;
    this.deliveries.set(key(delivery.dossierNo, delivery.sequence), { ...current, dispatchedAttempt: attempt });
    this.writes.push({ status: current.status, attempts: current.attempts.length });
    return true;
  }
  async listDue(until: Date, limit: number) {
    return [...this.deliveries.values()]
      .filter((d) => awaitsDispatch(d) && Date.parse(d.nextAttemptAt ?? d.createdAt) <= until.getTime())
      .sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? ''))
      .slice(0, limit);
  }
  async listByDossier(dossierNo: string, page: { limit: number; cursor?: string }): Promise<DeliveryPage> {
    const all = [...this.deliveries.entries()].filter(([, d]) => d.dossierNo === dossierNo).sort(([a], [b]) => a.localeCompare(b));
    const start = page.cursor ? all.findIndex(([k]) => k === page.cursor) + 1 : 0;
    const items = all.slice(start, start + page.limit);
    const last = items.at(-1);
    return { items: items.map(([, d]) => d), ...(start + page.limit < all.length && last ? { nextCursor: last[0] } : {}) };
  }
}

export class RecordingWebhookQueue implements WebhookQueue {
  readonly sent: { message: WebhookMessage; delaySeconds: number }[] = [];
  failNext = 0;
  async send(message: WebhookMessage, delaySeconds = 0) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('SQS unavailable');
    }
    this.sent.push({ message, delaySeconds });
  }
  take() {
    return this.sent.splice(0);
  }
}

/** A portal that answers the statuses it is given, in order (then 200), and keeps every request. */
export class ScriptedPortal implements PortalEndpoint {
  readonly requests: { url: string; body: string; headers: Readonly<Record<string, string>> }[] = [];
  constructor(private readonly answers: (number | 'timeout')[] = []) {}
  async post(request: { url: string; body: string; headers: Readonly<Record<string, string>> }): Promise<PostResult> {
    this.requests.push(request);
    const answer = this.answers.shift() ?? 200;
    return answer === 'timeout' ? { url: request.url, latencyMs: 10_000, error: 'timeout' } : { url: request.url, statusCode: answer, latencyMs: 25 };
  }
}

/** A clock the test moves. */
export class SteppingClock implements Clock {
  constructor(public current: Date) {}
  now() {
    return new Date(this.current);
  }
  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
