import { DuplicateTransactionError } from '../../shared/modules/payments/domain/errors';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import { dossierNosOf, type Payment, type PaymentProviderName } from '../../shared/modules/payments/domain/payment';
import type { IdempotencyBegin, LedgerEntry, PaymentStore, Settlement } from '../../shared/modules/payments/ports';
import type { SettledPayments } from '../../shared/modules/payments/settled-payments-port';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';

/** An in-memory PaymentStore with the DynamoDB store's rules: version checks (a retryable conflict), unique transactions, paging. */
export class FakePaymentStore implements PaymentStore, SettledPayments {
  readonly payments = new Map<string, Payment>();
  readonly transactions = new Set<string>();
  readonly ledger: LedgerEntry[] = [];
  readonly events: DossierEvent[] = [];
  /** Succeeded payments reconciliation has seen recorded by their dossier (out of the sparse index). */
  readonly confirmed = new Set<string>();
  writes = 0;

  add(payment: Payment): void {
    this.payments.set(payment.paymentId, payment);
  }
  async get(id: string) {
    return this.payments.get(id);
  }
  async findByProviderRef(provider: PaymentProviderName, ref: string) {
    return [...this.payments.values()].find((p) => p.provider === provider && p.providerRef === ref);
  }
  async livePaymentOf(dossierNo: string, now: Date) {
    return [...this.payments.values()].find((p) => dossierNosOf(p).includes(dossierNo) && p.status === 'pending' && p.expiresAt > now.toISOString());
  }
  async create(payment: Payment, ledger: LedgerEntry, now: Date): Promise<{ created: true } | { created: false; existing: Payment }> {
    // One lock per dossier paid, all taken or none (a basket's are one transaction in DynamoDB).
    for (const dossierNo of dossierNosOf(payment)) {
      const existing = await this.livePaymentOf(dossierNo, now);
      if (existing) return { created: false, existing };
    }
    this.writes++;
    this.add(payment);
    this.ledger.push(ledger);
    return { created: true };
  }
  async settle({ before, after, ledger, events }: Settlement) {
    if (this.payments.get(before.paymentId)?.version !== before.version) throw new RetryableWriteConflict('version changed');
    const key = after.status === 'succeeded' && after.providerTransactionId ? `${after.provider}#${after.providerTransactionId}` : undefined;
    if (key && after.providerTransactionId !== before.providerTransactionId) {
      if (this.transactions.has(key)) throw new DuplicateTransactionError('dup');
      this.transactions.add(key);
    }
    this.writes++;
    this.payments.set(after.paymentId, after);
    this.ledger.push(ledger);
    this.events.push(...events);
  }
  async appendLedger(entry: LedgerEntry) {
    this.ledger.push(entry);
  }
  /** Oldest due first, as the gsi1 index orders them, from after `after`, at most `limit`. */
  async pendingExpiredBy(now: Date, limit: number, after?: Payment) {
    const key = (p: Payment) => `${p.queryDueAt ?? p.expiresAt}#${p.paymentId}`;
    return [...this.payments.values()]
      .filter((p) => p.status === 'pending' && key(p) < now.toISOString() && (!after || key(p) > key(after)))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .slice(0, limit);
  }
  /** Succeeded and not yet confirmed, settled before `settledBefore`, in the index's order. */
  async succeededUnconfirmed(settledBefore: Date, limit: number, after?: Payment) {
    const key = (p: Payment) => `${p.completedAt ?? p.createdAt}#${p.paymentId}`;
    return [...this.payments.values()]
      .filter((p) => p.status === 'succeeded' && !this.confirmed.has(p.paymentId) && key(p) < settledBefore.toISOString() && (!after || key(p) > key(after)))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .slice(0, limit);
  }
  async confirmRecordedByDossier(payment: Payment) {
    this.confirmed.add(payment.paymentId);
  }
  async beginIdempotent(): Promise<IdempotencyBegin> {
    this.writes++;
    return { kind: 'new' };
  }
  async completeIdempotent() {}
  async abandonIdempotent() {
    this.writes--;
  }
}

export function pendingPayment(n: number, overrides: Partial<Payment> = {}): Payment {
  const id = `pay_${String(n).padStart(24, '0')}`;
  return {
    paymentId: id,
    dossierNo: `H31.26-${n}`,
    citizenId: '079099012345',
    agencyCode: 'HP-STP',
    provider: 'vnpay',
    providerRef: id.slice(4),
    amount: 5_000,
    currency: 'VND',
    status: 'pending',
    returnUrl: 'https://portal.example.vn/r',
    createdAt: '2026-11-21T00:00:00.000Z',
    expiresAt: `2026-11-21T00:${String(15 + (n % 40)).padStart(2, '0')}:00.000Z`,
    version: 1,
    ...overrides,
  };
}
