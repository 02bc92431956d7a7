import * as z from 'zod';
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
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
});

/**
 * POST /v1/dossiers/{dossierNo}/payments
 * @example {"provider":"vnpay","returnUrl":"https://dichvucong.example.gov.vn/thanh-toan/ket-qua"}
 */
export const CreatePaymentRequestSchema = z
  .strictObject({
    provider: PaymentProviderSchema,
    returnUrl: z.url({ protocol: /^https?$/ }).max(1000),
  })
  .meta({ id: 'CreatePaymentRequest' });
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
      .min(1, 'list at least one dossier')
      .max(MAX_BASKET_DOSSIERS, `at most ${MAX_BASKET_DOSSIERS} dossiers in one payment`)
      .superRefine((dossierNos, ctx) => {
        for (const r of repeatedDossiers(dossierNos)) ctx.addIssue({ code: 'custom', path: [r.index], message: `${r.dossierNo} is already listed at dossierNos.${r.first}` });
      })
      .meta({ description: `the dossiers to pay, each once (1–${MAX_BASKET_DOSSIERS}), all of the caller and of one agency` }),
    ...CreatePaymentRequestSchema.shape,
  })
  .meta({
    id: 'CreateBasketPaymentRequest',
    examples: [{ dossierNos: ['H31.26-261121-0001', 'H31.26-261121-0002'], provider: 'vnpay', returnUrl: 'https://dichvucong.example.gov.vn/thanh-toan/ket-qua' }],
  });
export type CreateBasketPaymentRequest = z.infer<typeof CreateBasketPaymentRequestSchema>;

export const PaymentQrSchema = z.strictObject({
  payload: z.string().meta({ description: 'EMVCo VietQR payload to render as a QR code' }),
  bankBin: z.string(),
  accountNo: z.string(),
  accountName: z.string(),
  memo: z.string().meta({ description: 'transfer content that identifies this payment' }),
});
/** The schema and the domain's QR cannot drift apart. */
export const paymentQrMatchesDomain: SameShape<z.infer<typeof PaymentQrSchema>, PaymentQr> = true;

export const PaymentSchema = z
  .strictObject({
    paymentId: z.string(),
    dossierNo: DossierNoSchema.meta({ description: 'the dossier paid; for a payment of several dossiers, the first of dossierNos' }),
    dossierNos: z.array(DossierNoSchema).min(1).meta({ description: 'every dossier this payment pays' }),
    shares: z
      .array(z.strictObject({ dossierNo: DossierNoSchema, amount: VndSchema }))
      .min(1)
      .meta({ description: 'what of the amount pays which dossier; the shares add up to amount' }),
    provider: PaymentProviderSchema,
    amount: VndSchema,
    currency: z.literal('VND'),
    status: PaymentStatusSchema,
    redirectUrl: z.string().optional(),
    qr: PaymentQrSchema.optional(),
    expiresAt: InstantSchema,
    createdAt: InstantSchema,
    completedAt: InstantSchema.optional(),
  })
  .meta({ id: 'Payment' });
export type PaymentView = z.infer<typeof PaymentSchema>;

export const PaymentPathSchema = z.strictObject({ paymentId: z.string().regex(/^pay_[A-Za-z0-9]{10,40}$/) });

/**
 * The bank-transfer notification (our own signed JSON, payments.md).
 * @example {"eventId":"evt-1","reference":"TT1234567890","amount":205000,"transactionId":"FT26325123","paidAt":"2026-11-21T02:00:00Z"}
 */
export const TransferNotificationSchema = z
  .strictObject({
    eventId: z.string().min(1).max(128),
    reference: z.string().min(1).max(64),
    amount: z.int().min(1),
    transactionId: z.string().min(1).max(64),
    paidAt: InstantSchema,
    bankCode: z.string().max(32).optional(),
    description: z.string().max(500).optional(),
  })
  .meta({ id: 'TransferNotification' });
export type TransferNotification = z.infer<typeof TransferNotificationSchema>;

export const TransferAckSchema = z
  .strictObject({ result: z.enum(['applied', 'duplicate', 'amount_mismatch', 'unmatched', 'late']) })
  .meta({ id: 'TransferAck' });
