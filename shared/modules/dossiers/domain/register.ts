import { InvalidInputError } from '../../../platform/kernel/errors';
import type { Channel } from '../../../platform/kernel/vocabulary';
import type { Beneficiary, FeeAssessment, FeeInputs } from '../../fees';
import type { Applicant, Dossier } from './dossier';
import { assertTransition } from './transitions';

/** What an agency's one-stop system registers (PUT /v1/dossiers/{dossierNo}, once parsed). */
export interface DossierRegistration {
  readonly procedureCode: string;
  readonly agencyCode: string;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly applicant: Applicant;
  readonly inputs: FeeInputs;
  readonly beneficiary?: Beneficiary;
}

/** How far `submittedAt` may lie from the moment a dossier is registered. */
export interface SubmissionWindow {
  /** Oldest accepted submission, in days before now (SUBMITTED_AT_MAX_AGE_DAYS). */
  readonly maxAgeDays: number;
  /** Tolerated lead of the agency's clock over ours. */
  readonly maxClockSkewMs: number;
}

export const DEFAULT_SUBMISSION_WINDOW: SubmissionWindow = { maxAgeDays: 30, maxClockSkewMs: 5 * 60 * 1000 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses a submission time in the future (beyond clock skew) or older than the window. The date
 * decides the fee schedule and its dated online discounts and the KPI month the dossier counts in, so
 * backdating could buy an expired discount or write into a month already reported. The window
 * leaves the one-stop system time to forward late dossiers; its length is a setting.
 */
export function checkSubmittedAt(submittedAt: string, now: Date, window: SubmissionWindow = DEFAULT_SUBMISSION_WINDOW): void {
  const at = new Date(submittedAt).getTime();
  const latest = now.getTime() + window.maxClockSkewMs;
  const earliest = now.getTime() - window.maxAgeDays * DAY_MS;
  const problem =
    at > latest
      ? `must not be in the future (at most ${Math.round(window.maxClockSkewMs / 1000)} s of clock skew)`
      : at < earliest
        ? `must be within the last ${window.maxAgeDays} days`
        : undefined;
  if (problem) throw new InvalidInputError('submittedAt is out of range', { details: [{ path: 'submittedAt', message: problem }] });
}

/**
 * A new dossier: received, then at once awaiting payment when something is owed or processing when
 * nothing is. Both steps are on the timeline; the amounts are the locked assessment.
 */
export function newDossier(dossierNo: string, request: DossierRegistration, fees: FeeAssessment, requestHash: string, now: Date): Dossier {
  const at = now.toISOString();
  const next = fees.total > 0 ? 'AWAITING_PAYMENT' : 'PROCESSING';
  assertTransition('RECEIVED', next, 'DossierRegistered');
  return {
    dossierNo,
    procedureCode: request.procedureCode,
    agencyCode: request.agencyCode,
    channel: request.channel,
    submittedAt: new Date(request.submittedAt).toISOString(),
    applicant: request.applicant,
    inputs: request.inputs,
    ...(request.beneficiary ? { beneficiary: request.beneficiary } : {}),
    status: next,
    fees,
    extraCharges: 0,
    amountDue: fees.total,
    payments: [],
    level4: { completed: false },
    timeline: [
      { at, from: null, to: 'RECEIVED', cause: 'DossierRegistered', applied: true },
      { at, from: 'RECEIVED', to: next, cause: 'DossierRegistered', applied: true, note: fees.total > 0 ? 'fees owed' : 'nothing owed' },
    ],
    version: 1,
    createdAt: at,
    updatedAt: at,
    requestHash,
  };
}
