/** The fees module's public surface: the only thing other modules import. */
export { BeneficiarySchema, FeeInputsSchema } from './api/fee-inputs';
export type { Beneficiary, FeeInputs } from './api/fee-inputs';
export { FeeAssessmentSchema } from './api/fee-quote';
export type { FeeAssessment } from './api/fee-quote';
export { FeeRuleSchema, FeeScheduleSchema, ReductionSchema } from './api/fee-schedule';
export type { FeeRule, FeeSchedule } from './api/fee-schedule';
export { PostageTariffSchema } from './api/postage';
export type { PostageTariff } from './api/postage';
export { PostalReturnNotAllowedError } from './domain/errors';
export { quotePostage } from './domain/postage';
export { scheduleInForce } from './domain/quote';
export { assessFeesForDossier } from './use-cases/assess-fees';
