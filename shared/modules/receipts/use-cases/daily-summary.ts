import type { Clock } from '../../../platform/kernel/time';
import { vietnamDate } from '../../../platform/kernel/time';
import type { CatalogueReader } from '../../catalogue';
import { dailySummary, summaryCsv, type DailySummary } from '../domain/summary';
import type { ReceiptProvider, ReceiptStore } from '../ports';

export interface SummaryDeps {
  readonly receipts: ReceiptStore;
  readonly catalogue: Pick<CatalogueReader, 'getAgency'>;
  readonly provider: Pick<ReceiptProvider, 'sendSummary'>;
  readonly clock: Clock;
}

/** One agency's summary of one day, and its CSV (`npm run receipts:summary -- <agency> <date>`). */
export async function buildDailySummary(deps: Pick<SummaryDeps, 'receipts' | 'catalogue'>, agencyCode: string, date: string): Promise<{ summary: DailySummary; csv: string }> {
  const name = (await deps.catalogue.getAgency(agencyCode))?.name.vi ?? agencyCode;
  const summary = dailySummary(agencyCode, name, date, await deps.receipts.ofAgencyDay(agencyCode, date));
  return { summary, csv: summaryCsv(summary) };
}

export interface SummaryRun {
  /** Summaries sent in this run (today's, and any of yesterday's that had not gone out). */
  readonly sent: readonly { readonly agencyCode: string; readonly date: string }[];
  /** Agencies whose summary of yesterday had not gone out by the end of that day: the alarm's count. */
  readonly missed: readonly string[];
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The scheduled job: the same-day summary (Decree 254/2026 Art. 29(3)(b)) of every agency with
 * receipts today, sent again whenever more receipts were made since the last one, so the day's last
 * run covers the whole day. Yesterday is checked too: a summary that had not gone out (or was not up
 * to date) is sent late and counted as missed, which raises the alarm.
 */
export async function sendDailySummaries(deps: SummaryDeps): Promise<SummaryRun> {
  const today = vietnamDate(deps.clock.now());
  const yesterday = previousDay(today);
  const sent: { agencyCode: string; date: string }[] = [];
  const missed: string[] = [];
  for (const date of [yesterday, today]) {
    for (const agencyCode of await deps.receipts.agenciesOn(date)) {
      const { summary, csv } = await buildDailySummary(deps, agencyCode, date);
      const mark = await deps.receipts.summarySent(agencyCode, date);
      if (mark && mark.rows === summary.rows.length && mark.issued === summary.issuedCount && mark.total === summary.total) continue;
      if (date === yesterday) missed.push(agencyCode);
      const reference = await deps.provider.sendSummary(summary, csv);
      await deps.receipts.markSummarySent({ agencyCode, date, rows: summary.rows.length, issued: summary.issuedCount, total: summary.total, sentAt: deps.clock.now().toISOString(), reference });
      sent.push({ agencyCode, date });
    }
  }
  return { sent, missed };
}
