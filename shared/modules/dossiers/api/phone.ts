import * as z from 'zod';
import { normaliseVietnamesePhone } from '../../identity';

/**
 * A Vietnamese mobile or fixed-line number; stored in E.164 form. Its own module: only request
 * schemas that take a phone import it, so only their functions carry libphonenumber-js.
 */
export const VietnamesePhoneSchema = z
  .string()
  .min(9)
  .max(20)
  .transform((value, ctx) => {
    const phone = normaliseVietnamesePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'must be a Vietnamese mobile or fixed-line number' });
      return z.NEVER;
    }
    return phone.e164;
  })
  .meta({ example: '0912345678' });
