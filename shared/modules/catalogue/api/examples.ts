import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { ProcedureSchema } from './procedure';

/** Certified copies at a ward of Hai Phong, as GET /v1/procedures/2.000815 answers it. */
export const certifiedCopyProcedureExample = {
  code: '2.000815',
  name: { vi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', en: 'Certified copy from an original document' },
  agencyCode: 'HP-PX',
  channels: ['online', 'counter', 'postal'],
  onlineAllowed: true,
  postalReturnAllowed: true,
  resultWeightGrams: 100,
  inputs: [
    { name: 'pages', required: true, description: { vi: 'Số trang của bản chính cần chứng thực bản sao', en: 'Pages of the original to be copied and certified' } },
    { name: 'copies', required: false, description: { vi: 'Số bản sao cần chứng thực (mặc định 1)', en: 'Certified copies requested (1 when not given)' } },
  ],
  feesInForce: {
    version: 'TT226-2016',
    validFrom: '2017-01-01',
    rules: [
      {
        code: 'copy_certification',
        kind: 'fee',
        type: 'per_unit',
        unit: 'pages',
        multiplier: 'copies',
        tiers: [
          { from: 1, to: 2, rate: 2000 },
          { from: 3, rate: 1000 },
        ],
        cap: 200000,
        rounding: 'half_up',
        label: { vi: 'Phí chứng thực bản sao từ bản chính', en: 'Fee for certifying a copy' },
        basis: 'Thông tư 226/2016/TT-BTC, Điều 4 khoản 1',
      },
    ],
    reductions: [],
  },
  scheduleVersions: [{ version: 'TT226-2016', validFrom: '2017-01-01' }],
} satisfies z.input<typeof ProcedureSchema>;

export const listProceduresExamples: OperationExamples = {
  request: { query: { limit: '20' } },
  responses: { 200: { items: [certifiedCopyProcedureExample], nextCursor: 'eyJwayI6IlBST0MjMi4wMDA4MTUifQ' } },
};

export const getProcedureExamples: OperationExamples = {
  request: { params: { procedureCode: '2.000815' } },
  responses: { 200: certifiedCopyProcedureExample },
};
