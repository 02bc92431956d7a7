import * as z from './zod';

/**
 * The one error shape of every 4xx/5xx answer.
 * @example {"error":{"code":"VALIDATION_FAILED","message":"Request is invalid","details":[{"path":"inputs.pages","message":"must be ≥ 1"}]}}
 */
export const ErrorResponseSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().register(z.globalRegistry, { example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
    }),
  })
  .register(z.globalRegistry, { id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
