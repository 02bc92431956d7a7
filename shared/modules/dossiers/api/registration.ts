import * as z from '../../../platform/api/zod';
import { AgencyCodeSchema, ChannelSchema, InstantSchema, ProcedureCodeSchema, type SameShape } from '../../../platform/api/common';
import type { Applicant } from '../domain/dossier';
import type { DossierRegistration } from '../domain/register';
import { BeneficiarySchema, FeeInputsSchema } from '../../fees';
import { ApplicantViewSchema } from './dossier';
import { VietnamesePhoneSchema } from './phone';

/** The applicant of a registration: the phone validated and normalised to E.164. */
export const ApplicantSchema = z.extend(ApplicantViewSchema, { phone: VietnamesePhoneSchema });

/**
 * PUT /v1/dossiers/{dossierNo}: registration by the one-stop system of the agency.
 * @example {"procedureCode":"2.000815","agencyCode":"HP-PX","channel":"online","submittedAt":"2026-11-21T02:00:00Z","applicant":{"citizenId":"031099012345","fullName":"Nguyễn Văn A","phone":"0912345678"},"inputs":{"pages":3,"copies":1}}
 */
export const RegisterDossierRequestSchema = z
  .strictObject({
    procedureCode: ProcedureCodeSchema,
    agencyCode: AgencyCodeSchema,
    channel: ChannelSchema,
    submittedAt: InstantSchema,
    applicant: ApplicantSchema,
    inputs: z._default(FeeInputsSchema, {}),
    beneficiary: z.optional(BeneficiarySchema),
  })
  .register(z.globalRegistry, { id: 'RegisterDossierRequest' });

/* The schemas parse exactly the domain's types (each way assignable, same keys). */
export const registrationSchemasMatchDomain: [
  SameShape<z.infer<typeof ApplicantSchema>, Applicant>,
  SameShape<z.infer<typeof RegisterDossierRequestSchema>, DossierRegistration>,
] = [true, true];
