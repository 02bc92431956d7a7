import type { Channel } from '../../../platform/kernel/vocabulary';
import type { Beneficiary, FeeAssessment, FeeInputs } from '../../fees';
import type { PostagePayer, ResultKind } from './events';
import type { DossierStatus } from './status';

export interface Applicant {
  readonly citizenId: string;
  readonly fullName: string;
  /** E.164. */
  readonly phone: string;
  readonly email?: string;
}

/** A payment as the dossier records it (the payments module owns the payment itself). */
export const DOSSIER_PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type DossierPaymentStatus = (typeof DOSSIER_PAYMENT_STATUSES)[number];

export interface DossierPayment {
  readonly paymentId: string;
  readonly provider: string;
  readonly amount: number;
  readonly status: DossierPaymentStatus;
  readonly paidAt?: string;
  /** Money taken when the dossier no longer awaited it: to be refunded, not counted as paid. */
  readonly refundReview?: boolean;
}

/** How the result reached the citizen. */
export const RETURN_CHANNELS = ['electronic', 'postal', 'counter'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];

export interface DossierResult {
  readonly kind: ResultKind;
  readonly documentRef?: string;
  readonly issuedAt: string;
  readonly returnedAt?: string;
  readonly returnChannel?: ReturnChannel;
  /** Set when a postal delivery came back: the citizen collects at the counter. */
  readonly counterPickup?: { readonly reason: string };
}

/** The postal return, as the dossier summarises it. */
export interface DossierDelivery {
  readonly deliveryId: string;
  readonly status: string;
  readonly postage: number;
  readonly postagePayer: PostagePayer;
}

/** One line of the dossier's history. */
export interface TimelineEntry {
  readonly at: string;
  readonly from: DossierStatus | null;
  readonly to: DossierStatus;
  /** The event that caused it, e.g. PaymentSucceeded. */
  readonly cause: string;
  readonly eventId?: string;
  /** false for an event that was not valid in the state it found: recorded, not applied. */
  readonly applied: boolean;
  readonly note?: string;
}

/** How the fees were settled, for level 4: online, nothing owed, or otherwise. */
export const LEVEL4_PAYMENT_CHANNELS = ['online', 'none_owed', 'not_online'] as const;
export type Level4PaymentChannel = (typeof LEVEL4_PAYMENT_CHANNELS)[number];

/** Level-4 (toàn trình) completion: submitted online, fees paid online or none owed, result online or by post. */
export interface Level4 {
  readonly completed: boolean;
  readonly completedAt?: string;
  readonly submissionChannel?: Channel;
  readonly paymentChannel?: Level4PaymentChannel;
  readonly returnChannel?: ReturnChannel;
  /** Why a returned dossier does not count as level 4. */
  readonly reason?: string;
}

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
  readonly result?: DossierResult;
  /** The postal return, when the applicant chose it. */
  readonly delivery?: DossierDelivery;
  readonly level4: Level4;
  readonly timeline: readonly TimelineEntry[];
  /** Events applied without a timeline line (DossierRegistered), see applied-events.ts. */
  readonly appliedEventIds?: readonly string[];
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
