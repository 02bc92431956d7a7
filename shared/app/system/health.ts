import * as z from '../../platform/api/zod';

export const HealthSchema = z
  .strictObject({ status: z.literal('ok'), service: z.string(), version: z.string(), time: z.string() })
  .register(z.globalRegistry, { id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
