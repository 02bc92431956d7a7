import type { Applicant, DossierDelivery, DossierPayment, Level4, TimelineEntry } from '../api/dossier';
import type { Channel } from '../../../platform/api/common';
import type { Beneficiary, FeeInputs } from '../../fees';
import type { FeeAssessment } from '../../fees';
import type { ReturnChannel } from '../api/dossier';
import type { DossierStatus } from './status';

/** A dossier as stored: the aggregate every dossier event is applied to. */
export interface Dossier {
  readonly dossierNo: string;
  readonly procedureCode: string;
  readonly agencyCode: string;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly applicant: Applicant;
  readonly inputs: FeeInputs;
  readonly beneficiary?: Beneficiary;
  readonly status: DossierStatus;
  readonly fees: FeeAssessment;
  /** Postage added when postal return is prepaid (postal issue); 0 until then. */
  readonly extraCharges: number;
  readonly amountDue: number;
  readonly payments: readonly DossierPayment[];
  readonly result?: {
    readonly kind: 'electronic' | 'paper';
    readonly documentRef?: string;
    readonly issuedAt: string;
    readonly returnedAt?: string;
    readonly returnChannel?: ReturnChannel;
    readonly counterPickup?: { readonly reason: string };
  };
  /** The postal return, when the applicant chose it. */
  readonly delivery?: DossierDelivery;
  readonly level4: Level4;
  readonly timeline: readonly TimelineEntry[];
  /** Incremented by every write; each write is conditional on the version it read. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Hash of the registration request, to answer a repeated registration idempotently. */
  readonly requestHash: string;
}

export function paidAmount(dossier: Pick<Dossier, 'payments'>): number {
  return dossier.payments.filter((p) => p.status === 'succeeded' && !p.refundReview).reduce((sum, p) => sum + p.amount, 0);
}

export function amountOwed(dossier: Pick<Dossier, 'fees' | 'extraCharges' | 'payments'>): number {
  return Math.max(0, dossier.fees.total + dossier.extraCharges - paidAmount(dossier));
}
