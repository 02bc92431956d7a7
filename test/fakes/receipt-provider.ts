import type { Receipt } from '../../shared/modules/receipts/domain/receipt';
import type { DailySummary } from '../../shared/modules/receipts/domain/summary';
import { ReceiptProviderUnavailableError, type IssueReply, type ProviderReceipt, type ReceiptProvider } from '../../shared/modules/receipts/ports';

/**
 * A receipt provider with the fkey rule of VNPT (a repeated fkey is `duplicate`), and switches: the
 * next calls may issue but lose their answer (a timeout after the provider acted), fail before
 * acting, or be refused.
 */
export class FakeReceiptProvider implements ReceiptProvider {
  readonly name = 'fake';
  readonly issued = new Map<string, Receipt>();
  readonly summaries: { summary: DailySummary; csv: string }[] = [];
  issueCalls = 0;
  lookups = 0;
  /** The next n issue calls act, then time out. */
  timeoutsAfterIssuing = 0;
  /** The next n issue calls fail before acting. */
  outages = 0;
  /** The next n lookups find nothing (the provider lags). */
  blindLookups = 0;
  refuse?: { code: string; message: string };

  async issue(r: Receipt): Promise<IssueReply> {
    this.issueCalls++;
    if (this.outages > 0) {
      this.outages--;
      throw new ReceiptProviderUnavailableError('down', false);
    }
    if (this.refuse) return { outcome: 'refused', ...this.refuse };
    if (this.issued.has(r.fkey)) return { outcome: 'duplicate' };
    this.issued.set(r.fkey, r);
    if (this.timeoutsAfterIssuing > 0) {
      this.timeoutsAfterIssuing--;
      throw new ReceiptProviderUnavailableError('timed out', true);
    }
    return { outcome: 'issued', receipt: this.view(r) };
  }

  async findByKey(r: Receipt): Promise<ProviderReceipt | undefined> {
    this.lookups++;
    if (this.blindLookups > 0) {
      this.blindLookups--;
      return undefined;
    }
    const found = this.issued.get(r.fkey);
    return found ? this.view(found) : undefined;
  }

  async sendSummary(summary: DailySummary, csv: string): Promise<string> {
    this.summaries.push({ summary, csv });
    return `REF-${this.summaries.length}`;
  }

  private view(r: Receipt): ProviderReceipt {
    return { pdfUrl: `https://receipts.test/${r.fkey}.pdf`, providerNo: String(r.number) };
  }
}
