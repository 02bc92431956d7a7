import * as z from 'zod';
import { printableText, ProvinceCodeSchema, type SameShape } from '../../../platform/api/common';
import type { Address } from '../domain/address';

/** Commune-level unit code (mã đơn vị hành chính cấp xã) since 2025-07-01, leading zeros kept. */
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/, 'must be a 5-digit commune code').meta({ example: '11311' });

/**
 * A Vietnamese postal address since 2025-07-01: province and commune by their official codes (there
 * are no districts any more) and the street part as the recipient writes it. Whether the codes exist
 * and belong together is checked against the imported lists by `validateAddress`.
 *
 * @example { "provinceCode": "31", "communeCode": "11311", "street": "Số 18 Hoàng Diệu" }
 */
export const AddressSchema = z
  .strictObject({
    provinceCode: ProvinceCodeSchema.meta({ example: '31' }),
    communeCode: CommuneCodeSchema,
    street: printableText(200).meta({
      description: 'house number, street, hamlet (thôn / tổ dân phố)',
      example: 'Số 18 Hoàng Diệu',
    }),
  })
  .meta({ id: 'Address' }) satisfies z.ZodType<Address>;

/** Compile-time: the schema parses exactly the domain's Address (each way assignable, same keys). */
export const addressSchemaMatchesDomain: SameShape<z.infer<typeof AddressSchema>, Address> = true;
