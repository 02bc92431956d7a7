import * as z from '../../../platform/api/zod';
import { InstantSchema, VndSchema } from '../../../platform/api/common';
import type { SameShape } from '../../../platform/api/common';
import { DossierNoSchema } from '../../dossiers';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, type PaymentQr } from '../domain/payment';
import { MAX_BASKET_DOSSIERS, repeatedDossiers } from '../domain/basket';

/** Built from the domain's vocabulary: a status or provider added there is here too. */
export const PaymentStatusSchema = z.enum(PAYMENT_STATUSES);
export const PaymentProviderSchema = z.enum(PAYMENT_PROVIDERS);

/** `Idempotency-Key`: 1–255 characters, kept at least 24 h with a hash of the request body. */
export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string({ error: 'the Idempotency-Key header is required' })
    .check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')),
});

/**
 * POST /v1/dossiers/{dossierNo}/payments
 * @example {"provider":"vnpay","returnUrl":"https://dichvucong.example.gov.vn/thanh-toan/ket-qua"}
 */
export const CreatePaymentRequestSchema = z
  .strictObject({
    provider: PaymentProviderSchema,
    returnUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(1000)),
  })
  .register(z.globalRegistry, { id: 'CreatePaymentRequest' });
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequestSchema>;

/**
 * POST /v1/payments: one payment for several dossiers of the caller (1 to {@link MAX_BASKET_DOSSIERS},
 * each listed once).
 * @example {"dossierNos":["H31.26-261121-0001","H31.26-261121-0002"],"provider":"vnpay","returnUrl":"https://dichvucong.example.gov.vn/thanh-toan/ket-qua"}
 */
export const CreateBasketPaymentRequestSchema = z
  .strictObject({
    dossierNos: z
      .array(DossierNoSchema)
      .check(z.minLength(1, 'list at least one dossier'), z.maxLength(MAX_BASKET_DOSSIERS, `at most ${MAX_BASKET_DOSSIERS} dossiers in one payment`), z.superRefine((dossierNos, ctx) => {
        for (const r of repeatedDossiers(dossierNos)) ctx.addIssue({ code: 'custom', path: [r.index], message: `${r.dossierNo} is already listed at dossierNos.${r.first}` });
      }))
      .register(z.globalRegistry, { description: `the dossiers to pay, each once (1–${MAX_BASKET_DOSSIERS}), all of the caller and of one agency` }),
    ...CreatePaymentRequestSchema.shape,
  })
  .register(z.globalRegistry, {
    id: 'CreateBasketPaymentRequest',
    examples: [{ dossierNos: ['H31.26-261121-0001', 'H31.26-261121-0002'], provider: 'vnpay', returnUrl: 'https://dichvucong.example.gov.vn/thanh-toan/ket-qua' }],
  });
export type CreateBasketPaymentRequest = z.infer<typeof CreateBasketPaymentRequestSchema>;

export const PaymentQrSchema = z.strictObject({
  payload: z.string().register(z.globalRegistry, { description: 'EMVCo VietQR payload to render as a QR code' }),
  bankBin: z.string(),
  accountNo: z.string(),
  accountName: z.string(),
  memo: z.string().register(z.globalRegistry, { description: 'transfer content that identifies this payment' }),
});
/** The schema and the domain's QR cannot drift apart. */
export const paymentQrMatchesDomain: SameShape<z.infer<typeof PaymentQrSchema>, PaymentQr> = true;

export const PaymentSchema = z
  .strictObject({
    paymentId: z.string(),
    dossierNo: DossierNoSchema.clone().register(z.globalRegistry, { description: 'the dossier paid; for a payment of several dossiers, the first of dossierNos' }),
    dossierNos: z.array(DossierNoSchema).check(z.minLength(1)).register(z.globalRegistry, { description: 'every dossier this payment pays' }),
    shares: z
      .array(z.strictObject({ dossierNo: DossierNoSchema, amount: VndSchema }))
      .check(z.minLength(1))
      .register(z.globalRegistry, { description: 'what of the amount pays which dossier; the shares add up to amount' }),
    provider: PaymentProviderSchema,
    amount: VndSchema,
    currency: z.literal('VND'),
    status: PaymentStatusSchema,
    redirectUrl: z.optional(z.string()),
    qr: z.optional(PaymentQrSchema),
    expiresAt: InstantSchema,
    createdAt: InstantSchema,
    completedAt: z.optional(InstantSchema),
  })
  .register(z.globalRegistry, { id: 'Payment' });
export type PaymentView = z.infer<typeof PaymentSchema>;

export const PaymentPathSchema = z.strictObject({ paymentId: z.string().check(z.regex(/^pay_[A-Za-z0-9]{10,40}$/)) });

/**
 * The bank-transfer notification (our own signed JSON, payments.md).
 * @example {"eventId":"evt-1","reference":"TT1234567890","amount":205000,"transactionId":"FT26325123","paidAt":"2026-11-21T02:00:00Z"}
 */
export const TransferNotificationSchema = z
  .strictObject({
    eventId: z.string().check(z.minLength(1), z.maxLength(128)),
    reference: z.string().check(z.minLength(1), z.maxLength(64)),
    amount: z.int().check(z.gte(1)),
    transactionId: z.string().check(z.minLength(1), z.maxLength(64)),
    paidAt: InstantSchema,
    bankCode: z.optional(z.string().check(z.maxLength(32))),
    description: z.optional(z.string().check(z.maxLength(500))),
  })
  .register(z.globalRegistry, { id: 'TransferNotification' });
export type TransferNotification = z.infer<typeof TransferNotificationSchema>;

export const TransferAckSchema = z
  .strictObject({ result: z.enum(['applied', 'duplicate', 'amount_mismatch', 'unmatched', 'late']) })
  .register(z.globalRegistry, { id: 'TransferAck' });
