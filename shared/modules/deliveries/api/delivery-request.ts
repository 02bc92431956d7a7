import * as z from '../../../platform/api/zod';
import { AddressSchema } from '../../addresses';
import { printableText } from '../../../platform/api/common';
import { VietnamesePhoneSchema } from '../../dossiers';
import { PostagePayerSchema } from './postage-payer';

/**
 * POST /v1/dossiers/{dossierNo}/delivery: return of the result by post. Its own module: the phone
 * check (libphonenumber-js) rides only in the function that registers a delivery.
 * @example {"recipient":{"fullName":"Nguyễn Văn A","phone":"0912345678"},"address":{"provinceCode":"31","communeCode":"11311","street":"12 Lê Lợi"},"postagePayer":"prepaid"}
 */
export const RegisterDeliveryRequestSchema = z
  .strictObject({
    recipient: z.strictObject({ fullName: printableText(200), phone: VietnamesePhoneSchema }),
    address: AddressSchema,
    postagePayer: z._default(PostagePayerSchema, 'prepaid'),
  })
  .register(z.globalRegistry, { id: 'RegisterDeliveryRequest' });
export type RegisterDeliveryRequest = z.infer<typeof RegisterDeliveryRequestSchema>;
