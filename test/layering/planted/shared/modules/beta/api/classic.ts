// Planted violation: a schema written with classic zod instead of shared/platform/api/zod.ts.
import * as z from 'zod';

export const ClassicSchema = z.string().min(1);
