import * as z from 'zod';
import { VndSchema } from '../../../platform/api/common';
import type { PostageTariff } from '../domain/postage';

/**
 * Postage for returning a result by post: same-province and other-province prices by weight band.
 * Postage is always its own quote line (Decision 45/2016 Art. 12: the applicant pays it).
 */
export const PostageTariffSchema = z.strictObject({
  version: z.string().min(1).max(60),
  basis: z.string().min(1).max(500),
  /** Ascending by weight; a parcel heavier than the last band cannot be priced. */
  bands: z
    .array(z.strictObject({ upToGrams: z.int().min(1), sameProvince: VndSchema, otherProvince: VndSchema }))
    .min(1),
}) satisfies z.ZodType<PostageTariff>;
