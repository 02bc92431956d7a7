import * as z from 'zod';
import { ProvinceCodeSchema, type SameShape } from '../../../platform/api/common';
import type { Commune, Province } from '../domain/administrative-units';
import { CommuneCodeSchema } from './address';

/** A province-level unit (tỉnh / thành phố trực thuộc trung ương) since 2025-07-01. */
export const ProvinceSchema = z
  .strictObject({
    code: ProvinceCodeSchema.meta({ example: '31' }),
    name: z.string().meta({ example: 'Thành phố Hải Phòng' }),
  })
  .meta({ id: 'Province' });

/** A commune-level unit (xã / phường / đặc khu); there are no districts since 2025-07-01. */
export const CommuneSchema = z
  .strictObject({
    code: CommuneCodeSchema,
    name: z.string().meta({ example: 'Phường Hồng Bàng' }),
    provinceCode: ProvinceCodeSchema.meta({ example: '31' }),
  })
  .meta({ id: 'Commune' });

/** Whole lists (34 provinces, at most a few hundred communes of one province): one answer, no cursor. */
export const ProvinceListSchema = z.strictObject({ items: z.array(ProvinceSchema) }).meta({ id: 'ProvinceList' });
export const CommuneListSchema = z.strictObject({ items: z.array(CommuneSchema) }).meta({ id: 'CommuneList' });

export const ProvincePathSchema = z.strictObject({ provinceCode: ProvinceCodeSchema.meta({ example: '31' }) });

/** Revalidation: send back the `ETag` of the copy you hold, get 304 while it is current. */
export const ConditionalGetHeadersSchema = z.looseObject({
  'if-none-match': z.string().max(1000).optional().meta({ description: 'the ETag of the copy the caller holds' }),
});

export const unitSchemasMatchDomain: [SameShape<z.infer<typeof ProvinceSchema>, Province>, SameShape<z.infer<typeof CommuneSchema>, Commune>] = [true, true];
