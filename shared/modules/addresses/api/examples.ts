import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { CommuneListSchema, ProvinceListSchema } from './units';

/** The first provinces of the answer (34 in all), in code order. */
export const listProvincesExamples: OperationExamples = {
  request: { headers: { 'if-none-match': '"kq3Vb8c0x1mQ2oR4sT6uW8yA0cE2gI4k"' } },
  responses: {
    200: {
      items: [
        { code: '01', name: 'Thành phố Hà Nội' },
        { code: '04', name: 'Cao Bằng' },
        { code: '08', name: 'Tuyên Quang' },
        { code: '31', name: 'Thành phố Hải Phòng' },
      ],
    } satisfies z.input<typeof ProvinceListSchema>,
  },
};

/** The first communes of Hai Phong (114 in all), in code order. */
export const listCommunesExamples: OperationExamples = {
  request: { params: { provinceCode: '31' } },
  responses: {
    200: {
      items: [
        { code: '10507', name: 'Phường Thành Đông', provinceCode: '31' },
        { code: '10525', name: 'Phường Hải Dương', provinceCode: '31' },
        { code: '10532', name: 'Phường Lê Thanh Nghị', provinceCode: '31' },
      ],
    } satisfies z.input<typeof CommuneListSchema>,
  },
};
