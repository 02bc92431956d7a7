import type { NumberingScope } from '../../shared/modules/receipts/domain/numbering';
import { reserveNumbers } from '../../shared/modules/receipts/domain/numbering';
import type { Receipt, ReceiptDraft } from '../../shared/modules/receipts/domain/receipt';
import { ReceiptsExistError, type ReceiptStore, type SummaryMark } from '../../shared/modules/receipts/ports';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';

/** Receipts, counters and summary marks in memory, with the DynamoDB store's rules (all or nothing, versions). */
export class InMemoryReceiptStore implements ReceiptStore {
  readonly receipts = new Map<string, Receipt>();
  readonly counters = new Map<string, number>();
  readonly marks = new Map<string, SummaryMark>();
  /** Every save, in order (status per write). */
  readonly saves: Receipt[] = [];

  static scopeKey(s: NumberingScope): string {
    return `${s.agencyCode}|${s.template}|${s.series}|${s.year}`;
  }

  async ofDossier(dossierNo: string): Promise<Receipt[]> {
    return [...this.receipts.values()].filter((r) => r.dossierNo === dossierNo);
  }

  async reserve(drafts: readonly ReceiptDraft[], scope: NumberingScope, now: Date): Promise<Receipt[]> {
    const existing = drafts.find((d) => this.receipts.has(d.receiptId));
    if (existing) throw new ReceiptsExistError(existing.receiptId);
    const key = InMemoryReceiptStore.scopeKey(scope);
    const last = this.counters.get(key) ?? 0;
    const made = reserveNumbers(scope, last, drafts, now);
    this.counters.set(key, last + drafts.length);
    for (const r of made) this.receipts.set(r.receiptId, r);
    return made;
  }

  async save(current: Receipt, next: Receipt): Promise<Receipt> {
    if (this.receipts.get(current.receiptId)?.version !== current.version) throw new RetryableWriteConflict(`receipt ${current.receiptId} moved`);
    const saved = { ...next, version: current.version + 1 };
    this.receipts.set(current.receiptId, saved);
    this.saves.push(saved);
    return saved;
  }

  async ofAgencyDay(agencyCode: string, date: string): Promise<Receipt[]> {
    return [...this.receipts.values()].filter((r) => r.agencyCode === agencyCode && r.receiptDate === date);
  }

  async agenciesOn(date: string): Promise<string[]> {
    return [...new Set([...this.receipts.values()].filter((r) => r.receiptDate === date).map((r) => r.agencyCode))];
  }

  async summarySent(agencyCode: string, date: string): Promise<SummaryMark | undefined> {
    return this.marks.get(`${agencyCode}|${date}`);
  }

  async markSummarySent(mark: SummaryMark): Promise<void> {
    this.marks.set(`${mark.agencyCode}|${mark.date}`, mark);
  }
}
