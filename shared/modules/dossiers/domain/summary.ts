import { InvalidInputError } from '../../../platform/kernel/errors';
import type { Channel } from '../../../platform/kernel/vocabulary';
import { paidAmount, type Dossier } from './dossier';
import type { DossierStatus } from './status';

/**
 * What a list of dossiers shows of each: enough for a work queue or a citizen's "my dossiers" page,
 * nothing personal (no applicant, no timeline). The full dossier is GET /v1/dossiers/{dossierNo}.
 */
export interface DossierSummary {
  readonly dossierNo: string;
  readonly procedureCode: string;
  readonly agencyCode: string;
  readonly channel: Channel;
  readonly status: DossierStatus;
  readonly submittedAt: string;
  readonly updatedAt: string;
  /** The locked fee assessment's total. */
  readonly feesTotal: number;
  /** Still owed (fees plus prepaid postage, less what was paid). */
  readonly amountDue: number;
  /** Paid and kept (money awaiting a refund review is not counted). */
  readonly amountPaid: number;
}

export function summaryOf(dossier: Dossier): DossierSummary {
  return {
    dossierNo: dossier.dossierNo,
    procedureCode: dossier.procedureCode,
    agencyCode: dossier.agencyCode,
    channel: dossier.channel,
    status: dossier.status,
    submittedAt: dossier.submittedAt,
    updatedAt: dossier.updatedAt,
    feesTotal: dossier.fees.total,
    amountDue: dossier.amountDue,
    amountPaid: paidAmount(dossier),
  };
}

/**
 * A window of submission instants, `from` inclusive and `to` exclusive (ISO-8601 UTC, as stored);
 * either end may be open.
 */
export interface SubmittedWindow {
  readonly from?: string;
  readonly to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant of a Viet Nam calendar day (UTC+7 all year), as stored. */
const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/**
 * The window of `from` and `to` as a caller writes them, each inclusive: a date (`2026-03-01`) is that
 * whole day in Viet Nam, an instant is that instant. A window that ends before it starts is refused.
 */
export function submittedWindow(bounds: { readonly from?: string; readonly to?: string }): SubmittedWindow {
  const from = bounds.from === undefined ? undefined : DAY.test(bounds.from) ? vietnamDayStart(bounds.from) : new Date(bounds.from).toISOString();
  const to =
    bounds.to === undefined
      ? undefined
      : new Date(new Date(DAY.test(bounds.to) ? vietnamDayStart(bounds.to) : bounds.to).getTime() + (DAY.test(bounds.to) ? DAY_MS : 1)).toISOString();
  if (from !== undefined && to !== undefined && to <= from) {
    throw new InvalidInputError('The window ends before it starts', { details: [{ path: 'to', message: 'must not be before from' }] });
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** One page of a list: the caller passes `cursor` back for the next page. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface SummaryPage {
  readonly items: readonly DossierSummary[];
  readonly nextCursor?: string;
}
