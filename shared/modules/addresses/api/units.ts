import * as z from '../../../platform/api/zod';
import { ProvinceCodeSchema, type SameShape } from '../../../platform/api/common';
import type { Commune, Province } from '../domain/administrative-units';
import { CommuneCodeSchema } from './address';

/** A province-level unit (tỉnh / thành phố trực thuộc trung ương) since 2025-07-01. */
export const ProvinceSchema = z
  .strictObject({
    code: ProvinceCodeSchema.clone().register(z.globalRegistry, { example: '31' }),
    name: z.string().register(z.globalRegistry, { example: 'Thành phố Hải Phòng' }),
  })
  .register(z.globalRegistry, { id: 'Province' });

/** A commune-level unit (xã / phường / đặc khu); there are no districts since 2025-07-01. */
export const CommuneSchema = z
  .strictObject({
    code: CommuneCodeSchema,
    name: z.string().register(z.globalRegistry, { example: 'Phường Hồng Bàng' }),
    provinceCode: ProvinceCodeSchema.clone().register(z.globalRegistry, { example: '31' }),
  })
  .register(z.globalRegistry, { id: 'Commune' });

/** Whole lists (34 provinces, at most a few hundred communes of one province): one answer, no cursor. */
export const ProvinceListSchema = z.strictObject({ items: z.array(ProvinceSchema) }).register(z.globalRegistry, { id: 'ProvinceList' });
export const CommuneListSchema = z.strictObject({ items: z.array(CommuneSchema) }).register(z.globalRegistry, { id: 'CommuneList' });

export const ProvincePathSchema = z.strictObject({ provinceCode: ProvinceCodeSchema.clone().register(z.globalRegistry, { example: '31' }) });

/** Revalidation: send back the `ETag` of the copy you hold, get 304 while it is current. */
export const ConditionalGetHeadersSchema = z.looseObject({
  'if-none-match': z.optional(z.string().check(z.maxLength(1000))).register(z.globalRegistry, { description: 'the ETag of the copy the caller holds' }),
});

export const unitSchemasMatchDomain: [SameShape<z.infer<typeof ProvinceSchema>, Province>, SameShape<z.infer<typeof CommuneSchema>, Commune>] = [true, true];
