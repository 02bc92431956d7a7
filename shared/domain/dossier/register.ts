import type { RegisterDossierRequest } from '../../schemas/dossier';
import type { FeeAssessment } from '../../schemas/fee-quote';
import type { Dossier } from './dossier';
import { assertTransition } from './transitions';

/**
 * A new dossier: received, then at once awaiting payment when something is owed or processing when
 * nothing is. Both steps are on the timeline; the amounts are the locked assessment.
 */
export function newDossier(dossierNo: string, request: RegisterDossierRequest, fees: FeeAssessment, requestHash: string, now: Date): Dossier {
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
