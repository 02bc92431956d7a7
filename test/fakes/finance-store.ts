import { vietnamDate } from '../../shared/platform/kernel/time';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import type { BookEntry } from '../../shared/modules/finance/domain/book';
import { dossiersOf, type FinanceException } from '../../shared/modules/finance/domain/exception';
import { moneyKey, RefundExceedsPaymentError, RefundStatuses, type Refund } from '../../shared/modules/finance/domain/refund';
import type { DueReceiptRequest, EntryMove, FinanceStore, ReconciliationRun, RefundChange } from '../../shared/modules/finance/ports';

/** The running totals of one pot of money (a payment's own, or an exception's). */
interface Held {
  held: number;
  refunded: number;
}

/**
 * The finance book, refunds and exceptions in memory, with the DynamoDB store's rules: a refund's
 * amount held against what was paid, version checks, the refunded-total guard, entries written once,
 * every change all or nothing (checks first, then writes).
 */
export class InMemoryFinanceStore implements FinanceStore {
  readonly refunds = new Map<string, Refund>();
  readonly heldTotals = new Map<string, Held>();
  readonly exceptionsById = new Map<string, FinanceException>();
  readonly audit: { exceptionId: string; action: string; detail: unknown }[] = [];
  readonly entries = new Map<string, BookEntry>();
  readonly runs = new Map<string, ReconciliationRun>();
  readonly receiptsDue = new Map<string, DueReceiptRequest>();

  private static potKey(r: Pick<Refund, 'paymentId' | 'extraMoney' | 'share'>): string {
    return `${r.paymentId}|${moneyKey(r) ?? ''}`;
  }

  private pot(r: Pick<Refund, 'paymentId' | 'extraMoney' | 'share'>): Held {
    const key = InMemoryFinanceStore.potKey(r);
    if (!this.heldTotals.has(key)) this.heldTotals.set(key, { held: 0, refunded: 0 });
    return this.heldTotals.get(key)!;
  }

  async createRefund(refund: Refund, paid: number): Promise<void> {
    const pot = this.pot(refund);
    if (pot.held + refund.amount > paid) throw new RefundExceedsPaymentError(paid - pot.held);
    if (this.refunds.has(refund.refundId)) throw new RetryableWriteConflict('refund exists');
    pot.held += refund.amount;
    this.refunds.set(refund.refundId, refund);
  }

  async changeRefund({ before, after, book, refundedBefore, receiptRequest, resolves }: RefundChange): Promise<void> {
    if (this.refunds.get(before.refundId)?.version !== before.version) throw new RetryableWriteConflict(`refund ${before.refundId} moved`);
    const pot = this.pot(after);
    const releases = RefundStatuses[before.status].holdsAmount && !RefundStatuses[after.status].holdsAmount;
    if (!releases && book && pot.refunded !== (refundedBefore ?? 0)) throw new RetryableWriteConflict('another refund of this money completed');
    if (book && this.entries.has(book.entryId)) throw new Error(`entry ${book.entryId} already booked`);
    if (resolves && this.exceptionsById.get(resolves.before.exceptionId)?.version !== resolves.before.version) throw new RetryableWriteConflict('exception moved');
    this.refunds.set(after.refundId, after);
    if (releases) pot.held -= after.amount;
    else if (book) pot.refunded += after.amount;
    if (book) this.entries.set(book.entryId, book);
    if (receiptRequest) this.receiptsDue.set(after.refundId, { refundId: after.refundId, dueSince: after.completedAt ?? '', request: receiptRequest });
    if (resolves) this.writeResolution(resolves.before, resolves.after);
  }

  async getRefund(paymentId: string, refundId: string): Promise<Refund | undefined> {
    const refund = this.refunds.get(refundId);
    return refund?.paymentId === paymentId ? refund : undefined;
  }

  async refundsOf(paymentId: string): Promise<readonly Refund[]> {
    return [...this.refunds.values()].filter((r) => r.paymentId === paymentId);
  }

  async pendingRefunds(agencyCode?: string): Promise<readonly Refund[]> {
    return [...this.refunds.values()].filter((r) => !RefundStatuses[r.status].final && (!agencyCode || r.agencyCode === agencyCode));
  }

  async openException(exception: FinanceException, book?: BookEntry): Promise<boolean> {
    if (this.exceptionsById.has(exception.exceptionId) || (book && this.entries.has(book.entryId))) return false;
    this.exceptionsById.set(exception.exceptionId, exception);
    this.audit.push({ exceptionId: exception.exceptionId, action: 'opened', detail: { kind: exception.kind, amount: exception.amount } });
    if (book) this.entries.set(book.entryId, book);
    return true;
  }

  async getException(exceptionId: string): Promise<FinanceException | undefined> {
    return this.exceptionsById.get(exceptionId);
  }

  async resolveException(before: FinanceException, after: FinanceException, move?: EntryMove): Promise<void> {
    if (this.exceptionsById.get(before.exceptionId)?.version !== before.version) throw new RetryableWriteConflict('exception moved');
    if (move && !this.entries.has(move.from.entryId)) throw new RetryableWriteConflict('entry moved');
    this.writeResolution(before, after);
    if (move) this.entries.set(move.to.entryId, move.to);
  }

  private writeResolution(before: FinanceException, after: FinanceException): void {
    this.exceptionsById.set(after.exceptionId, after);
    this.audit.push({ exceptionId: after.exceptionId, action: 'resolved', detail: { ...after.resolution, agencyBefore: before.agencyCode, agencyAfter: after.agencyCode } });
  }

  async exceptions(agencyCode: string, status: FinanceException['status']): Promise<readonly FinanceException[]> {
    return [...this.exceptionsById.values()].filter((e) => e.agencyCode === agencyCode && e.status === status).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  }

  async countOpenForDossier(dossierNo: string): Promise<number> {
    return [...this.exceptionsById.values()].filter((e) => dossiersOf(e).includes(dossierNo) && e.status === 'open').length;
  }

  async book(entry: BookEntry): Promise<boolean> {
    if (this.entries.has(entry.entryId)) return false;
    this.entries.set(entry.entryId, entry);
    return true;
  }

  async bookEntry(entryId: string): Promise<BookEntry | undefined> {
    return this.entries.get(entryId);
  }

  async bookOfAgency(agencyCode: string, date: string): Promise<readonly BookEntry[]> {
    return [...this.entries.values()].filter((e) => e.agencyCode === agencyCode && vietnamDate(new Date(e.at)) === date);
  }

  async bookOfProvider(provider: string, bookDate: string): Promise<readonly BookEntry[]> {
    return [...this.entries.values()].filter((e) => e.provider === provider && e.bookDate === bookDate);
  }

  async saveReconciliation(run: ReconciliationRun): Promise<boolean> {
    const key = `${run.provider}|${run.day}|${run.fileHash}`;
    if (this.runs.has(key)) return false;
    this.runs.set(key, run);
    return true;
  }

  async reconciled(provider: string, day: string): Promise<boolean> {
    return [...this.runs.values()].some((r) => r.provider === provider && r.day === day);
  }

  async dueReceiptRequests(before: Date, limit: number): Promise<readonly DueReceiptRequest[]> {
    return [...this.receiptsDue.values()].filter((r) => r.dueSince < before.toISOString()).sort((a, b) => a.dueSince.localeCompare(b.dueSince)).slice(0, limit);
  }

  async receiptRequestSent(refundId: string): Promise<void> {
    this.receiptsDue.delete(refundId);
  }
}
