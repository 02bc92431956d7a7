import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry, type RetryPolicy } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import { receiptRefused } from '../../../platform/observability/metrics';
import type { CatalogueReader } from '../../catalogue';
import type { DossierStore } from '../../dossiers';
import { numberingScope } from '../domain/numbering';
import { feesSettled, planAdjustments, planReceipts, type RefundForReceipts } from '../domain/plan';
import { concluded, isFinal, submitted, type Receipt, type ReceiptDraft, type ReceiptOutcome } from '../domain/receipt';
import { ReceiptProviderUnavailableError, ReceiptsExistError, type ReceiptProvider, type ReceiptStore } from '../ports';
import type { ReceiptSettings } from '../settings';

export interface ReceiptDeps {
  readonly receipts: ReceiptStore;
  readonly dossiers: Pick<DossierStore, 'get'>;
  readonly catalogue: Pick<CatalogueReader, 'getAgency'>;
  readonly provider: ReceiptProvider;
  readonly settings: ReceiptSettings;
  readonly clock: Clock;
  /** A fresh provider idempotency key (fkey). */
  readonly newKey: () => string;
}

/**
 * One counter per (agency, template, series, year) takes every payment of the agency: under a burst
 * many reservations race it. Each round one wins; the others re-read and try again after a jittered
 * pause, so the retry budget is far larger than a single-item write's.
 */
export const RESERVE_RETRY: RetryPolicy = { attempts: 200, baseDelayMs: 5, maxDelayMs: 40 };

/** Numbers and writes the drafts (all of one agency) in the scope of now; a redelivery finds them written. */
export async function reserveReceipts(deps: Pick<ReceiptDeps, 'receipts' | 'settings' | 'clock'>, drafts: readonly ReceiptDraft[]): Promise<Receipt[]> {
  if (drafts.length === 0) return [];
  const ids = new Set(drafts.map((d) => d.receiptId));
  try {
    return await withOptimisticRetry(() => {
      const now = deps.clock.now();
      return deps.receipts.reserve(drafts, numberingScope(drafts[0]!.agencyCode, deps.settings.form, now), now);
    }, RESERVE_RETRY);
  } catch (error) {
    if (!(error instanceof ReceiptsExistError)) throw error;
    return (await deps.receipts.ofDossier(drafts[0]!.dossierNo)).filter((r) => ids.has(r.receiptId));
  }
}

async function conclude(deps: Pick<ReceiptDeps, 'receipts' | 'clock'>, receipt: Receipt, outcome: ReceiptOutcome): Promise<Receipt> {
  return deps.receipts.save(receipt, concluded(receipt, outcome, deps.clock.now()));
}

/**
 * Takes one receipt as far as the provider lets it: recorded as submitted before the call, then
 * issued or failed. A receipt found submitted (a call whose answer we lost) is first looked up by its
 * fkey. ERR:13 means the provider has our fkey: the existing receipt is fetched, never re-issued.
 * A timeout is answered by a lookup; if the provider has nothing yet, the error goes back to the
 * queue for a later attempt (which looks up again first).
 */
export async function issueReceipt(deps: Pick<ReceiptDeps, 'receipts' | 'provider' | 'clock'>, receipt: Receipt): Promise<Receipt> {
  if (isFinal(receipt)) return receipt;
  let current = receipt;
  if (current.status === 'reserved') {
    current = await deps.receipts.save(current, submitted(current, deps.clock.now()));
  } else {
    const found = await deps.provider.findByKey(current);
    if (found) return conclude(deps, current, { on: 'FoundByKey', pdfUrl: found.pdfUrl, ...(found.providerNo ? { providerNo: found.providerNo } : {}) });
  }
  let reply;
  try {
    reply = await deps.provider.issue(current);
  } catch (error) {
    if (error instanceof ReceiptProviderUnavailableError && error.maybeDone) {
      const found = await deps.provider.findByKey(current).catch(() => undefined);
      if (found) return conclude(deps, current, { on: 'FoundByKey', pdfUrl: found.pdfUrl, ...(found.providerNo ? { providerNo: found.providerNo } : {}) });
    }
    throw error;
  }
  if (reply.outcome === 'issued') return conclude(deps, current, { on: 'Issued', pdfUrl: reply.receipt.pdfUrl, ...(reply.receipt.providerNo ? { providerNo: reply.receipt.providerNo } : {}) });
  if (reply.outcome === 'refused') {
    logger.error('receipt refused by the provider; its number stays with the failed receipt', { receiptId: current.receiptId, code: reply.code });
    receiptRefused();
    return conclude(deps, current, { on: 'Refused', failure: { code: reply.code, message: reply.message } });
  }
  const existing = await deps.provider.findByKey(current);
  // The provider says it has the fkey but cannot show it yet: try again later rather than guess.
  if (!existing) throw new ReceiptProviderUnavailableError(`provider reports fkey of ${current.receiptId} as issued but cannot find it`, true);
  return conclude(deps, current, { on: 'AlreadyIssued', pdfUrl: existing.pdfUrl, ...(existing.providerNo ? { providerNo: existing.providerNo } : {}) });
}

export interface IssueSummary {
  readonly outcome: 'not_found' | 'not_settled' | 'done';
  readonly receipts: readonly Pick<Receipt, 'receiptId' | 'status'>[];
}

async function agencyName(deps: Pick<ReceiptDeps, 'catalogue'>, code: string): Promise<string> {
  return (await deps.catalogue.getAgency(code))?.name.vi ?? code;
}

/** Every receipt still in flight, each in turn; the first provider failure stops the batch for a retry. */
async function issueAll(deps: ReceiptDeps, receipts: readonly Receipt[]): Promise<Receipt[]> {
  const done: Receipt[] = [];
  for (const receipt of receipts) done.push(await issueReceipt(deps, receipt));
  return done;
}

/**
 * The receipts-queue consumer: the receipts of a dossier whose fees are paid, reserved once (a
 * redelivery finds them) and issued. Idempotent: finished receipts are left as they are.
 */
export async function issueDossierReceipts(deps: ReceiptDeps, dossierNo: string, paymentId?: string): Promise<IssueSummary> {
  const dossier = await deps.dossiers.get(dossierNo);
  if (!dossier) return { outcome: 'not_found', receipts: [] };
  const existing = (await deps.receipts.ofDossier(dossierNo)).filter((r) => r.purpose === 'original');
  if (existing.length === 0 && !feesSettled(dossier)) return { outcome: 'not_settled', receipts: [] };
  const originals =
    existing.length > 0
      ? existing
      : await reserveReceipts(deps, planReceipts(dossier, { mode: deps.settings.mode, agencyName: await agencyName(deps, dossier.agencyCode), newKey: deps.newKey, ...(paymentId ? { paymentId } : {}) }));
  const done = await issueAll(deps, originals);
  return { outcome: 'done', receipts: done.map((r) => ({ receiptId: r.receiptId, status: r.status })) };
}

/**
 * A refund's adjusting receipts (never a deletion of the original): planned from the dossier's
 * issued receipts, numbered in the current year's scope, issued like any receipt. Idempotent per
 * refund id. The refunds module calls it once a refund has been paid out.
 */
export async function issueAdjustingReceipt(deps: ReceiptDeps, refund: RefundForReceipts): Promise<Receipt[]> {
  const all = await deps.receipts.ofDossier(refund.dossierNo);
  const mine = all.filter((r) => r.refundId === refund.refundId);
  const adjustments = mine.length > 0 ? mine : await reserveReceipts(deps, planAdjustments(all, refund, deps.newKey));
  return issueAll(deps, adjustments);
}
