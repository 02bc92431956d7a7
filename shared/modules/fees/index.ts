/** The fees module's public surface: the only thing other modules import. */
export type { ApplicantType, Beneficiary, FeeInputs, UnitInput } from './domain/fee-inputs';
export type { FeeRule, FeeRuleType, FeeSchedule, Reduction, Rounding } from './domain/fee-schedule';
export type { FeeAssessment, FeeQuote, FeeQuoteRequest, PricedProcedure, ProcessingAgency, QuoteItem } from './domain/fee-quote';
export type { PostageTariff } from './domain/postage';
export type { FeeInputName, InputNeed } from './domain/input-needs';
export { INPUT_MEANINGS, inputNeeds } from './domain/input-needs';
export type { FeeCatalogue } from './ports';
export { BeneficiarySchema, FeeInputsSchema } from './api/fee-inputs';
export { FeeAssessmentSchema } from './api/fee-quote';
export { FeeRuleSchema, FeeScheduleSchema, ReductionSchema } from './api/fee-schedule';
export { PostageTariffSchema } from './api/postage';
export { PostalReturnNotAllowedError } from './domain/errors';
export { formatVnd } from './domain/money';
export { quotePostage } from './domain/postage';
export { scheduleInForce } from './domain/quote';
export { assessFeesForDossier } from './use-cases/assess-fees';
