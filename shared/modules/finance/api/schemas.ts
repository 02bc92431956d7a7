import * as z from '../../../platform/api/zod';
import { AgencyCodeSchema, InstantSchema, LegalDateSchema, printableText, VndSchema } from '../../../platform/api/common';
import { EXCEPTION_KINDS, EXCEPTION_STATUSES, RESOLUTION_KINDS, UNASSIGNED_AGENCY } from '../domain/exception';
import { FEE_KINDS } from '../domain/book';
import { REFUND_STATUSES } from '../domain/refund';
import { lazily } from '../../../platform/kernel/lazy';

/*
 * Schemas of answers (Refund, RefundList, FinanceException, FinanceExceptionList, FinanceSummary) are
 * built on first use: only the OpenAPI document reads them (see ResponseSpec.schema).
 */

const PaymentIdSchema = z.string().check(z.regex(/^pay_[A-Za-z0-9]{10,40}$/));
const RefundIdSchema = z.string().check(z.regex(/^rfd_[a-f0-9]{32}$/));

export const RefundPathSchema = z.strictObject({ paymentId: PaymentIdSchema });
export const RefundItemPathSchema = z.strictObject({ paymentId: PaymentIdSchema, refundId: RefundIdSchema });
export const ExceptionPathSchema = z.strictObject({ exceptionId: z.string().check(z.regex(/^exc_[A-Za-z0-9_.:-]{1,200}$/)) });

export const RefundIdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z.string({ error: 'the Idempotency-Key header is required' }).check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')),
});

/**
 * A refund request.
 * @example { "amount": 20000, "reason": "Hồ sơ bị từ chối" }
 */
export const RefundRequestSchema = z
  .strictObject({
    amount: VndSchema.check(z.gte(1)),
    reason: printableText(500),
    /** The exception this refund resolves once done. */
    exceptionId: z.optional(ExceptionPathSchema.shape.exceptionId),
    /** A payment of several dossiers is refunded per dossier: which one (required then). */
    dossierNo: z.optional(z.string().check(z.minLength(1), z.maxLength(64))).register(z.globalRegistry, { description: 'the dossier whose money is refunded; required for a payment of several dossiers' }),
  })
  .register(z.globalRegistry, { id: 'RefundRequest' });

export const RefundSchema = lazily(() =>
  z
    .strictObject({
      refundId: z.string(),
      paymentId: z.string(),
      amount: VndSchema,
      scope: z.enum(['full', 'partial']),
      reason: z.string(),
      method: z.enum(['provider', 'manual']),
      status: z.enum(REFUND_STATUSES),
      requestedAt: InstantSchema,
      completedAt: z.optional(InstantSchema),
      providerCode: z.optional(z.string()),
      exceptionId: z.optional(z.string()),
      dossierNo: z.optional(z.string()).register(z.globalRegistry, { description: 'the dossier whose share of a payment of several dossiers is refunded' }),
    })
    .register(z.globalRegistry, { id: 'Refund' }),
);

export const RefundListSchema = lazily(() => z.strictObject({ items: z.array(RefundSchema()), refundable: VndSchema }).register(z.globalRegistry, { id: 'RefundList' }));

/** The officer's record of a manual refund (bank transfer to the citizen). Personal data: stored, never logged. */
export const ManualRefundSchema = z
  .strictObject({
    bankName: printableText(100),
    accountNo: z.string().check(z.regex(/^[0-9]{6,20}$/, 'must be 6–20 digits')),
    accountName: printableText(100),
    officer: printableText(100),
    transferReference: printableText(100),
  })
  .register(z.globalRegistry, { id: 'ManualRefund' });

export const ExceptionsQuerySchema = z.strictObject({
  agencyCode: z.union([AgencyCodeSchema, z.literal(UNASSIGNED_AGENCY)]),
  status: z._default(z.enum(EXCEPTION_STATUSES), 'open'),
});

export const ResolutionSchema = z
  .strictObject({
    kind: z.enum(RESOLUTION_KINDS),
    note: printableText(1000),
    dossierNo: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    refundId: z.optional(RefundIdSchema),
  })
  .register(z.globalRegistry, { id: 'ExceptionResolution' });

export const FinanceExceptionSchema = lazily(() =>
  z
    .strictObject({
      exceptionId: z.string(),
      kind: z.enum(EXCEPTION_KINDS),
      status: z.enum(EXCEPTION_STATUSES),
      agencyCode: z.string(),
      provider: z.string(),
      amount: VndSchema,
      reason: z.string(),
      openedAt: InstantSchema,
      paymentId: z.optional(z.string()),
      dossierNo: z.optional(z.string()),
      dossierNos: z.optional(z.array(z.string()))
        .register(z.globalRegistry, { description: 'every dossier of a payment of several dossiers whose money this is (a wrong amount, a second transaction): the exception is listed once and shows open on each' }),
      reference: z.optional(z.string()),
      resolution: z.optional(z.strictObject({ kind: z.enum(RESOLUTION_KINDS), by: z.string(), at: InstantSchema, note: z.string(), refundId: z.optional(z.string()), dossierNo: z.optional(z.string()) })),
    })
    .register(z.globalRegistry, { id: 'FinanceException' }),
);

export const ExceptionListSchema = lazily(() => z.strictObject({ items: z.array(FinanceExceptionSchema()) }).register(z.globalRegistry, { id: 'FinanceExceptionList' }));

export const SummaryQuerySchema = z.strictObject({ agencyCode: AgencyCodeSchema, date: LegalDateSchema });

export const FinanceSummarySchema = lazily(() => {
  const TotalsSchema = z.strictObject({ collected: VndSchema, refunded: VndSchema, net: z.int() });
  const CountSchema = z.strictObject({ count: z.int().check(z.gte(0)), amount: VndSchema });
  return z
    .strictObject({
      agencyCode: z.string(),
      date: LegalDateSchema,
      currency: z.literal('VND'),
      collected: VndSchema,
      refunded: VndSchema,
      net: z.int(),
      byProvider: z.record(z.string(), TotalsSchema),
      byFeeKind: z.strictObject(Object.fromEntries(FEE_KINDS.map((k) => [k, TotalsSchema])) as Record<(typeof FEE_KINDS)[number], typeof TotalsSchema>),
      pendingRefunds: CountSchema,
      openExceptions: CountSchema,
    })
    .register(z.globalRegistry, { id: 'FinanceSummary' });
});
