import * as z from 'zod';

export const HealthSchema = z
  .strictObject({ status: z.literal('ok'), service: z.string(), version: z.string(), time: z.string() })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
