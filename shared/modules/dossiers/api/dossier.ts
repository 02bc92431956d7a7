import * as z from '../../../platform/api/zod';
import { AgencyCodeSchema, ChannelSchema, InstantSchema, printableText, ProcedureCodeSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import { DossierNoSchema, DossierPathSchema, DossierStatusSchema } from './vocabulary';

export { DossierPathSchema, DossierStatusSchema };
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

export const CitizenIdSchema = z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit citizen id (số định danh cá nhân)'));

/**
 * The applicant as the API shows it: the phone as stored (E.164). A registration validates it
 * (./registration.ts); answers do not, so functions that only read carry no phone metadata.
 */
export const ApplicantViewSchema = z.strictObject({
  citizenId: CitizenIdSchema,
  fullName: printableText(200),
  phone: z.string(),
  email: z.optional(z.email().check(z.maxLength(254))),
});
export type { Applicant, DossierDelivery, DossierPayment, Level4, ReturnChannel, TimelineEntry };
// Registration: its own module (libphonenumber-js), re-exported for the types and the phone only.
export { VietnamesePhoneSchema } from './phone';
/** What a registration request parses to (./registration.ts checks that its schema gives exactly this). */
export type RegisterDossierRequest = DossierRegistration;

export const TimelineEntrySchema = z.strictObject({
  at: InstantSchema,
  from: z.nullable(DossierStatusSchema),
  to: DossierStatusSchema,
  cause: z.string().register(z.globalRegistry, { description: 'the event that caused it, e.g. PaymentSucceeded' }),
  eventId: z.optional(z.string()),
  /** false for an event that was not valid in the state it found: recorded, not applied. */
  applied: z.boolean(),
  note: z.optional(z.string()),
});

export const DossierPaymentSchema = z.strictObject({
  paymentId: z.string(),
  provider: z.string(),
  amount: VndSchema,
  status: z.enum(DOSSIER_PAYMENT_STATUSES),
  paidAt: z.optional(InstantSchema),
  /** Money taken when the dossier no longer awaited it: to be refunded, not counted as paid. */
  refundReview: z.optional(z.boolean()),
});

export const ReturnChannelSchema = z.enum(RETURN_CHANNELS) satisfies z.ZodMiniType<ReturnChannel>;

/** Level-4 (toàn trình) completion: submitted online, fees paid online or none owed, result online or by post. */
export const Level4Schema = z.strictObject({
  completed: z.boolean(),
  completedAt: z.optional(InstantSchema),
  submissionChannel: z.optional(ChannelSchema),
  paymentChannel: z.optional(z.enum(LEVEL4_PAYMENT_CHANNELS)),
  returnChannel: z.optional(ReturnChannelSchema),
  /** Why a returned dossier does not count as level 4. */
  reason: z.optional(z.string()),
});

export const DossierResultSchema = z.strictObject({
  kind: z.enum(RESULT_KINDS),
  documentRef: z.optional(z.string()),
  issuedAt: InstantSchema,
  returnedAt: z.optional(InstantSchema),
  returnChannel: z.optional(ReturnChannelSchema),
  /** Set when a postal delivery came back: the citizen collects at the counter. */
  counterPickup: z.optional(z.strictObject({ reason: z.string() })),
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
    nationalPortalStatus: z.int().register(z.globalRegistry, { description: 'status code on the National Public Service Portal' }),
    fees: FeeAssessmentSchema,
    amountDue: VndSchema,
    payments: z.array(DossierPaymentSchema),
    result: z.optional(DossierResultSchema),
    delivery: z.optional(DossierDeliverySchema),
    level4: Level4Schema,
    timeline: z.array(TimelineEntrySchema),
    version: z.int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    /** Filled by GET /v1/dossiers/{dossierNo} from the national-portal module (which depends on this one). */
    nationalPortalSync: z.optional(z.strictObject({
        status: z.enum(['synced', 'pending', 'failed']),
        lastSyncedAt: z.optional(InstantSchema),
        attempts: z.int().check(z.nonnegative()),
        lastError: z.optional(z.string()),
      }))
      .register(z.globalRegistry, { description: 'whether the National Public Service Portal holds the latest change (failed: an operator runs portal:resync)' }),
    /** Filled by GET /v1/dossiers/{dossierNo} from the finance module (which depends on this one). */
    openFinanceExceptions: z.optional(z.int().check(z.nonnegative()))
      .register(z.globalRegistry, { description: 'money about this dossier still open in GET /v1/finance/exceptions (0 when none)' }),
  })
  .register(z.globalRegistry, { id: 'Dossier' });
export type DossierView = z.infer<typeof DossierSchema>;

export const ResultReadyRequestSchema = z
  .strictObject({
    kind: z.enum(RESULT_KINDS),
    documentRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    issuedAt: InstantSchema,
  })
  .register(z.globalRegistry, { id: 'ResultReadyRequest' });

export const CollectedRequestSchema = z.strictObject({ collectedAt: z.optional(InstantSchema) }).register(z.globalRegistry, { id: 'CollectedRequest' });

export const EventAcceptedSchema = z
  .strictObject({ dossierNo: DossierNoSchema, eventId: z.string(), type: z.string(), status: z.literal('accepted') })
  .register(z.globalRegistry, { id: 'EventAccepted' });

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
