import * as z from '../../../platform/api/zod';
import { normaliseVietnamesePhone } from '../../identity';

/**
 * A Vietnamese mobile or fixed-line number; stored in E.164 form. Its own module: only request
 * schemas that take a phone import it, so only their functions carry libphonenumber-js.
 */
export const VietnamesePhoneSchema = z
  .pipe(
    z.string().check(z.minLength(9), z.maxLength(20)),
    z.transform((value: string, ctx) => {
      const phone = normaliseVietnamesePhone(value);
      if (!phone) {
        ctx.issues.push({ code: 'custom', message: 'must be a Vietnamese mobile or fixed-line number', input: value });
        return z.NEVER;
      }
      return phone.e164;
    }),
  )
  .register(z.globalRegistry, { example: '0912345678' });
