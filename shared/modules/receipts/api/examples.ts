import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { ReceiptListSchema } from './receipt';

export const listReceiptsExamples: OperationExamples = {
  request: { params: { dossierNo: 'H31.26-261121-0001' } },
  responses: {
    200: {
      items: [
        {
          receiptNo: '0000001',
          template: '01BLP0-001',
          series: 'AA-26E',
          kind: 'fee',
          purpose: 'original',
          amount: 10000,
          receiptDate: '2026-11-21',
          issuedAt: '2026-11-21T02:15:20.499Z',
          pdfUrl: 'https://hoadon.vnpt-invoice.example.vn/pdf/TT0778BE5BC5BC90C517F9787B84A94FC8',
        },
      ],
    } satisfies z.input<typeof ReceiptListSchema>,
  },
};
