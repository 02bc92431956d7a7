import * as z from '../../../platform/api/zod';
import { VndSchema } from '../../../platform/api/common';
import type { PostageTariff } from '../domain/postage';

/**
 * Postage for returning a result by post: same-province and other-province prices by weight band.
 * Postage is always its own quote line (Decision 45/2016 Art. 12: the applicant pays it).
 */
export const PostageTariffSchema = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(60)),
  basis: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Ascending by weight; a parcel heavier than the last band cannot be priced. */
  bands: z
    .array(z.strictObject({ upToGrams: z.int().check(z.gte(1)), sameProvince: VndSchema, otherProvince: VndSchema }))
    .check(z.minLength(1)),
}) satisfies z.ZodMiniType<PostageTariff>;
