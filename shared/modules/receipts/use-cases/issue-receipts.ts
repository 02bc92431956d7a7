import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry, type RetryPolicy } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import { receiptRefused } from '../../../platform/observability/metrics';
import type { CatalogueReader } from '../../catalogue';
import type { DossierStore } from '../../dossiers';
import { numberingScope } from '../domain/numbering';
import { feesSettled, planAdjustments, planReceipts, type RefundForReceipts } from '../domain/plan';
import { concluded, isFinal, type Receipt, type ReceiptDraft, type ReceiptOutcome } from '../domain/receipt';
import { ReceiptProviderUnavailableError, ReceiptsExistError, type ProviderReceipt, type ReceiptProvider, type ReceiptStore } from '../ports';
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

/** Receipts as this invocation reserved them (`fresh`: their first provider call is ours to make), or as stored before. */
interface Reservation {
  readonly receipts: Receipt[];
  readonly fresh: boolean;
}

async function reserveOrFind(deps: Pick<ReceiptDeps, 'receipts' | 'settings' | 'clock'>, drafts: readonly ReceiptDraft[]): Promise<Reservation> {
  if (drafts.length === 0) return { receipts: [], fresh: true };
  const ids = new Set(drafts.map((d) => d.receiptId));
  try {
    const receipts = await withOptimisticRetry(() => {
      const now = deps.clock.now();
      return deps.receipts.reserve(drafts, numberingScope(drafts[0]!.agencyCode, deps.settings.form, now), now);
    }, RESERVE_RETRY);
    return { receipts, fresh: true };
  } catch (error) {
    if (!(error instanceof ReceiptsExistError)) throw error;
    return { receipts: (await deps.receipts.ofDossier(drafts[0]!.dossierNo)).filter((r) => ids.has(r.receiptId)), fresh: false };
  }
}

/** Numbers and writes the drafts (all of one agency) in the scope of now; a redelivery finds them written. */
export async function reserveReceipts(deps: Pick<ReceiptDeps, 'receipts' | 'settings' | 'clock'>, drafts: readonly ReceiptDraft[]): Promise<Receipt[]> {
  return (await reserveOrFind(deps, drafts)).receipts;
}

async function conclude(deps: Pick<ReceiptDeps, 'receipts' | 'clock'>, receipt: Receipt, outcome: ReceiptOutcome): Promise<Receipt> {
  return deps.receipts.save(receipt, concluded(receipt, outcome, deps.clock.now()));
}

const found = (r: ProviderReceipt): ReceiptOutcome => ({ on: 'FoundByKey', pdfUrl: r.pdfUrl, ...(r.providerNo ? { providerNo: r.providerNo } : {}) });

/**
 * Takes one receipt as far as the provider lets it, in one write: issued or failed. Its intent was
 * recorded before any call (the reservation saved its number and fkey). `firstCall` when this
 * invocation reserved it and nothing was sent yet; any other attempt (a redelivery after a crash
 * or a lost answer) first asks the provider by fkey. ERR:13 means the provider has our fkey: the
 * existing receipt is fetched, never re-issued. A timeout is answered by a lookup; if the provider
 * has nothing yet, the error goes back to the queue for a later attempt (which looks up first).
 */
export async function issueReceipt(deps: Pick<ReceiptDeps, 'receipts' | 'provider' | 'clock'>, receipt: Receipt, options: { readonly firstCall?: boolean } = {}): Promise<Receipt> {
  if (isFinal(receipt)) return receipt;
  if (!options.firstCall) {
    const existing = await deps.provider.findByKey(receipt);
    if (existing) return conclude(deps, receipt, found(existing));
  }
  let reply;
  try {
    reply = await deps.provider.issue(receipt);
  } catch (error) {
    if (error instanceof ReceiptProviderUnavailableError && error.maybeDone) {
      const existing = await deps.provider.findByKey(receipt).catch(() => undefined);
      if (existing) return conclude(deps, receipt, found(existing));
    }
    throw error;
  }
  if (reply.outcome === 'issued') return conclude(deps, receipt, { on: 'Issued', pdfUrl: reply.receipt.pdfUrl, ...(reply.receipt.providerNo ? { providerNo: reply.receipt.providerNo } : {}) });
  if (reply.outcome === 'refused') {
    logger.error('receipt refused by the provider; its number stays with the failed receipt', { receiptId: receipt.receiptId, code: reply.code });
    receiptRefused();
    return conclude(deps, receipt, { on: 'Refused', failure: { code: reply.code, message: reply.message } });
  }
  const existing = await deps.provider.findByKey(receipt);
  // The provider says it has the fkey but cannot show it yet: try again later rather than guess.
  if (!existing) throw new ReceiptProviderUnavailableError(`provider reports fkey of ${receipt.receiptId} as issued but cannot find it`, true);
  return conclude(deps, receipt, { on: 'AlreadyIssued', pdfUrl: existing.pdfUrl, ...(existing.providerNo ? { providerNo: existing.providerNo } : {}) });
}

export interface IssueSummary {
  readonly outcome: 'not_found' | 'not_settled' | 'done';
  readonly receipts: readonly Pick<Receipt, 'receiptId' | 'status'>[];
}

async function agencyName(deps: Pick<ReceiptDeps, 'catalogue'>, code: string): Promise<string> {
  return (await deps.catalogue.getAgency(code))?.name.vi ?? code;
}

/** Every receipt still in flight, each in turn; the first provider failure stops the batch for a retry. */
async function issueAll(deps: ReceiptDeps, { receipts, fresh }: Reservation): Promise<Receipt[]> {
  const done: Receipt[] = [];
  for (const receipt of receipts) done.push(await issueReceipt(deps, receipt, { firstCall: fresh }));
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
  const originals: Reservation =
    existing.length > 0
      ? { receipts: existing, fresh: false }
      : await reserveOrFind(deps, planReceipts(dossier, { mode: deps.settings.mode, agencyName: await agencyName(deps, dossier.agencyCode), newKey: deps.newKey, ...(paymentId ? { paymentId } : {}) }));
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
  const adjustments: Reservation = mine.length > 0 ? { receipts: mine, fresh: false } : await reserveOrFind(deps, planAdjustments(all, refund, deps.newKey));
  return issueAll(deps, adjustments);
}
