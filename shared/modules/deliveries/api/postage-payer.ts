import * as z from '../../../platform/api/zod';
import { POSTAGE_PAYERS, type PostagePayer } from '../domain/delivery';

/** Who pays the postage; its own module, shared by the delivery request and the delivery answer. */
export const PostagePayerSchema = z.enum(POSTAGE_PAYERS) satisfies z.ZodMiniType<PostagePayer>;
