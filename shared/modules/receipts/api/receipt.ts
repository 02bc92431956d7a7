import * as z from '../../../platform/api/zod';
import { InstantSchema, LegalDateSchema, type SameShape } from '../../../platform/api/common';
import { RECEIPT_KINDS, RECEIPT_PURPOSES } from '../domain/receipt';
import type { ReceiptView } from '../use-cases/list-receipts';

/**
 * One issued e-receipt of a dossier. `kind`: fee = phí, charge = lệ phí, combined = both on one
 * receipt (agencies configured so). An adjusting receipt (after a refund) has a negative amount and
 * names the receipt it adjusts.
 * @example {"receiptNo":"0000012","template":"01BLP0-001","series":"AA-27E","kind":"fee","purpose":"original","amount":50000,"issuedAt":"2027-01-04T03:12:00.000Z","pdfUrl":"https://…"}
 */
export const ReceiptViewSchema = z
  .strictObject({
    receiptNo: z.string().check(z.regex(/^\d{1,8}$/)),
    template: z.string(),
    series: z.string(),
    kind: z.enum(RECEIPT_KINDS),
    purpose: z.enum(RECEIPT_PURPOSES),
    amount: z.int().register(z.globalRegistry, { description: 'VND; negative on an adjusting receipt' }),
    receiptDate: LegalDateSchema,
    issuedAt: InstantSchema,
    pdfUrl: z.url(),
    adjusts: z.optional(z.strictObject({ receiptNo: z.string(), template: z.string(), series: z.string(), receiptDate: LegalDateSchema })),
  })
  .register(z.globalRegistry, { id: 'Receipt' });

export const ReceiptListSchema = z.strictObject({ items: z.array(ReceiptViewSchema) }).register(z.globalRegistry, { id: 'ReceiptList' });

/** Both ways: a field added to the view and not to the schema fails to compile. */
export const receiptViewMatchesDomain: SameShape<z.infer<typeof ReceiptViewSchema>, ReceiptView> = true;
