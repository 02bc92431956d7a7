import { FeeQuoteRequestSchema, FeeQuoteSchema } from './fee-quote';
import { defineOperation } from '../../../platform/api/operation';
import { quoteFeesExamples } from './examples';

export const quoteFeesOperation = /* @__PURE__ */ defineOperation({
  operationId: 'quoteFees',
  method: 'POST',
  path: '/v1/fees/quote',
  summary: 'Itemised fee quote by the schedule in force on the submission date',
  description:
    'Lines are phí (fee), lệ phí (charge) and postage, each with the arithmetic and its legal basis. ' +
    'Reductions for an evidenced beneficiary category are listed with their reason.',
  tags: ['fees'],
  auth: 'public',
  request: { body: FeeQuoteRequestSchema },
  responses: { 200: { description: 'The quote', schema: FeeQuoteSchema } },
  errors: ['UNKNOWN_PROCEDURE', 'CHANNEL_NOT_ALLOWED', 'NO_SCHEDULE_IN_FORCE', 'POSTAL_RETURN_NOT_ALLOWED', 'MISSING_INPUT', 'NO_RATE_FOR_INPUTS'],
  examples: quoteFeesExamples,
});
