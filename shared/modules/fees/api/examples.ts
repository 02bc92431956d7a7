import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { FeeQuoteRequestSchema, FeeQuoteSchema } from './fee-quote';

/** Three pages certified in two copies, online, returned by post within Hai Phong. */
const quoteRequest = {
  procedureCode: '2.000815',
  channel: 'online',
  submittedAt: '2026-11-21T02:00:00Z',
  inputs: { pages: 3, copies: 2 },
  delivery: { provinceCode: '31' },
} satisfies z.input<typeof FeeQuoteRequestSchema>;

const quote = {
  procedureCode: '2.000815',
  channel: 'online',
  submittedAt: '2026-11-21T02:00:00.000Z',
  items: [
    {
      kind: 'fee',
      code: 'copy_certification',
      label: { vi: 'Phí chứng thực bản sao từ bản chính', en: 'Fee for certifying a copy' },
      amount: 10000,
      basis: '3 trang × 2 bản: 2×2.000 + 1×1.000 (5.000 × 2)',
      legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4 khoản 1',
    },
    {
      kind: 'postage',
      code: 'postage',
      label: { vi: 'Cước dịch vụ bưu chính công ích', en: 'Public postal service fee' },
      amount: 22000,
      basis: 'nội tỉnh, 100 g (bậc đến 100 g): 22.000',
      legalBasis: 'Biểu cước chuyển phát kết quả giải quyết TTHC qua dịch vụ bưu chính công ích (cấu hình theo hợp đồng với bưu điện tỉnh)',
    },
  ],
  reductions: [],
  total: 32000,
  currency: 'VND',
  scheduleVersion: 'TT226-2016',
} satisfies z.input<typeof FeeQuoteSchema>;

export const quoteFeesExamples: OperationExamples = { request: { body: quoteRequest }, responses: { 200: quote } };
