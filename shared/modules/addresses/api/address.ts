import * as z from '../../../platform/api/zod';
import { printableText, ProvinceCodeSchema, type SameShape } from '../../../platform/api/common';
import type { Address } from '../domain/address';

/** Commune-level unit code (mã đơn vị hành chính cấp xã) since 2025-07-01, leading zeros kept. */
export const CommuneCodeSchema = z.string().check(z.regex(/^\d{5}$/, 'must be a 5-digit commune code')).register(z.globalRegistry, { example: '11311' });

/**
 * A Vietnamese postal address since 2025-07-01: province and commune by their official codes (there
 * are no districts any more) and the street part as the recipient writes it. Whether the codes exist
 * and belong together is checked against the imported lists by `validateAddress`.
 *
 * @example { "provinceCode": "31", "communeCode": "11311", "street": "Số 18 Hoàng Diệu" }
 */
export const AddressSchema = z
  .strictObject({
    provinceCode: ProvinceCodeSchema.clone().register(z.globalRegistry, { example: '31' }),
    communeCode: CommuneCodeSchema,
    street: printableText(200).clone().register(z.globalRegistry, {
      description: 'house number, street, hamlet (thôn / tổ dân phố)',
      example: 'Số 18 Hoàng Diệu',
    }),
  })
  .register(z.globalRegistry, { id: 'Address' }) satisfies z.ZodMiniType<Address>;

/** Compile-time: the schema parses exactly the domain's Address (each way assignable, same keys). */
export const addressSchemaMatchesDomain: SameShape<z.infer<typeof AddressSchema>, Address> = true;
