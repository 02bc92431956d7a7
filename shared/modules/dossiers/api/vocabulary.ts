import * as z from '../../../platform/api/zod';
import { DOSSIER_STATUSES, type DossierStatus } from '../domain/status';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/events';

/*
 * The small schemas other modules name a dossier and its statuses with. Their own module, so that a
 * function validating a dossier number does not build the event and dossier-view schemas at import
 * (a file's top level runs whole once one of its exports is used).
 */

/** Dossier number (mã hồ sơ) as the one-stop systems issue it, e.g. `000.00.31.H26-261121-0001`. */
export const DossierNoSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]{2,63}$/, 'must be 3–64 letters, digits, dot, dash or underscore'))
  .register(z.globalRegistry, { example: 'H31.26-261121-0001' });

export const DossierPathSchema = z.strictObject({ dossierNo: DossierNoSchema });

export const DossierStatusSchema = z.enum(DOSSIER_STATUSES) satisfies z.ZodMiniType<DossierStatus>;

export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES) satisfies z.ZodMiniType<DeliveryStatus>;
