import * as z from 'zod';
import { DOSSIER_STATUSES, type DossierStatus } from '../domain/status';
import { AgencyCodeSchema, ChannelSchema, InstantSchema, printableText, ProcedureCodeSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import { DossierNoSchema } from './dossier-events';
import { POSTAGE_PAYERS, RESULT_KINDS } from '../domain/events';
import {
  DOSSIER_PAYMENT_STATUSES,
  LEVEL4_PAYMENT_CHANNELS,
  RETURN_CHANNELS,
  type Applicant,
  type DossierDelivery,
  type DossierPayment,
  type DossierResult,
  type Level4,
  type ReturnChannel,
  type TimelineEntry,
} from '../domain/dossier';
import type { DossierRegistration } from '../domain/register';
import { FeeAssessmentSchema } from '../../fees';

export const CitizenIdSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit citizen id (số định danh cá nhân)');

export const DossierStatusSchema = z.enum(DOSSIER_STATUSES) satisfies z.ZodType<DossierStatus>;

/**
 * The applicant as the API shows it: the phone as stored (E.164). A registration validates it
 * (./registration.ts); answers do not, so functions that only read carry no phone metadata.
 */
export const ApplicantViewSchema = z.strictObject({
  citizenId: CitizenIdSchema,
  fullName: printableText(200),
  phone: z.string(),
  email: z.email().max(254).optional(),
});
export type { Applicant, DossierDelivery, DossierPayment, Level4, ReturnChannel, TimelineEntry };
// Registration: its own module (libphonenumber-js), re-exported for the types and the phone only.
export { VietnamesePhoneSchema } from './phone';
/** What a registration request parses to (./registration.ts checks that its schema gives exactly this). */
export type RegisterDossierRequest = DossierRegistration;

export const DossierPathSchema = z.strictObject({ dossierNo: DossierNoSchema });

export const TimelineEntrySchema = z.strictObject({
  at: InstantSchema,
  from: DossierStatusSchema.nullable(),
  to: DossierStatusSchema,
  cause: z.string().meta({ description: 'the event that caused it, e.g. PaymentSucceeded' }),
  eventId: z.string().optional(),
  /** false for an event that was not valid in the state it found: recorded, not applied. */
  applied: z.boolean(),
  note: z.string().optional(),
});

export const DossierPaymentSchema = z.strictObject({
  paymentId: z.string(),
  provider: z.string(),
  amount: VndSchema,
  status: z.enum(DOSSIER_PAYMENT_STATUSES),
  paidAt: InstantSchema.optional(),
  /** Money taken when the dossier no longer awaited it: to be refunded, not counted as paid. */
  refundReview: z.boolean().optional(),
});

export const ReturnChannelSchema = z.enum(RETURN_CHANNELS) satisfies z.ZodType<ReturnChannel>;

/** Level-4 (toàn trình) completion: submitted online, fees paid online or none owed, result online or by post. */
export const Level4Schema = z.strictObject({
  completed: z.boolean(),
  completedAt: InstantSchema.optional(),
  submissionChannel: ChannelSchema.optional(),
  paymentChannel: z.enum(LEVEL4_PAYMENT_CHANNELS).optional(),
  returnChannel: ReturnChannelSchema.optional(),
  /** Why a returned dossier does not count as level 4. */
  reason: z.string().optional(),
});

export const DossierResultSchema = z.strictObject({
  kind: z.enum(RESULT_KINDS),
  documentRef: z.string().optional(),
  issuedAt: InstantSchema,
  returnedAt: InstantSchema.optional(),
  returnChannel: ReturnChannelSchema.optional(),
  /** Set when a postal delivery came back: the citizen collects at the counter. */
  counterPickup: z.strictObject({ reason: z.string() }).optional(),
});

export const DossierDeliverySchema = z.strictObject({
  deliveryId: z.string(),
  status: z.string(),
  postage: VndSchema,
  postagePayer: z.enum(POSTAGE_PAYERS),
});

/** A dossier as the API shows it to its applicant and its agency. */
export const DossierSchema = z
  .strictObject({
    dossierNo: DossierNoSchema,
    procedureCode: ProcedureCodeSchema,
    agencyCode: AgencyCodeSchema,
    channel: ChannelSchema,
    submittedAt: InstantSchema,
    applicant: ApplicantViewSchema,
    status: DossierStatusSchema,
    nationalPortalStatus: z.int().meta({ description: 'status code on the National Public Service Portal' }),
    fees: FeeAssessmentSchema,
    amountDue: VndSchema,
    payments: z.array(DossierPaymentSchema),
    result: DossierResultSchema.optional(),
    delivery: DossierDeliverySchema.optional(),
    level4: Level4Schema,
    timeline: z.array(TimelineEntrySchema),
    version: z.int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    /** Filled by GET /v1/dossiers/{dossierNo} from the national-portal module (which depends on this one). */
    nationalPortalSync: z
      .strictObject({
        status: z.enum(['synced', 'pending', 'failed']),
        lastSyncedAt: InstantSchema.optional(),
        attempts: z.int().nonnegative(),
        lastError: z.string().optional(),
      })
      .optional()
      .meta({ description: 'whether the National Public Service Portal holds the latest change (failed: an operator runs portal:resync)' }),
    /** Filled by GET /v1/dossiers/{dossierNo} from the finance module (which depends on this one). */
    openFinanceExceptions: z
      .int()
      .nonnegative()
      .optional()
      .meta({ description: 'money about this dossier still open in GET /v1/finance/exceptions (0 when none)' }),
  })
  .meta({ id: 'Dossier' });
export type DossierView = z.infer<typeof DossierSchema>;

export const ResultReadyRequestSchema = z
  .strictObject({
    kind: z.enum(RESULT_KINDS),
    documentRef: z.string().trim().min(1).max(200).optional(),
    issuedAt: InstantSchema,
  })
  .meta({ id: 'ResultReadyRequest' });

export const CollectedRequestSchema = z.strictObject({ collectedAt: InstantSchema.optional() }).meta({ id: 'CollectedRequest' });

export const EventAcceptedSchema = z
  .strictObject({ dossierNo: DossierNoSchema, eventId: z.string(), type: z.string(), status: z.literal('accepted') })
  .meta({ id: 'EventAccepted' });

/*
 * The schemas parse exactly the domain's types (each way assignable, same keys): a field or a value
 * added on one side only fails the typecheck here.
 */
export const dossierSchemasMatchDomain: [
  SameShape<z.infer<typeof ApplicantViewSchema>, Applicant>,
  SameShape<z.infer<typeof TimelineEntrySchema>, TimelineEntry>,
  SameShape<z.infer<typeof DossierPaymentSchema>, DossierPayment>,
  SameShape<z.infer<typeof Level4Schema>, Level4>,
  SameShape<z.infer<typeof DossierResultSchema>, DossierResult>,
  SameShape<z.infer<typeof DossierDeliverySchema>, DossierDelivery>,
] = [true, true, true, true, true, true];
