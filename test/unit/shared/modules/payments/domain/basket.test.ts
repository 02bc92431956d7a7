import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basketAmount,
  BasketDossierNotYoursError,
  BasketSpansAgenciesError,
  checkBasket,
  DossiersNotPayableError,
  MAX_BASKET_DOSSIERS,
  repeatedDossiers,
  sameDossiers,
  shareOf,
  whyNotPayable,
  type BasketCandidate,
  type ShareDossier,
} from '../../../../../../shared/modules/payments/domain/basket';
import { settlementEventId, sharesOf } from '../../../../../../shared/modules/payments/domain/payment';
import { CreateBasketPaymentRequestSchema } from '../../../../../../shared/modules/payments/api/payment';
import { parseOrThrow } from '../../../../../../shared/platform/http/validation';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import { pendingPayment } from '../../../../../fakes/payment-store';

const CITIZEN = '079099012345';

function owing(dossierNo: string, items: readonly [kind: 'fee' | 'charge' | 'postage', amount: number][], extra: Partial<ShareDossier> = {}): ShareDossier {
  const total = items.reduce((s, [, a]) => s + a, 0);
  return {
    dossierNo,
    fees: { items: items.map(([kind, amount], i) => ({ kind, amount, code: `c${i}`, label: { vi: 'x', en: 'x' }, basis: 'x', legalBasis: 'x' })), reductions: [], total, currency: 'VND', scheduleVersion: 'v1', submittedAt: '', assessedAt: '' },
    extraCharges: 0,
    payments: [],
    amountDue: total,
    ...extra,
  } as ShareDossier;
}

describe('shareOf', () => {
  it('is the dossier\u2019s amount due, split into phí and lệ phí as assessed', () => {
    expect(shareOf(owing('A', [['fee', 30_000], ['charge', 20_000]]))).toEqual({ dossierNo: 'A', amount: 50_000, byFeeKind: { fee: 30_000, charge: 20_000 } });
  });

  it('counts only what is still owed: postage added after the fees were paid is postage', () => {
    const paidFees = owing('A', [['fee', 30_000], ['charge', 20_000]], {
      extraCharges: 25_000,
      amountDue: 25_000,
      payments: [{ paymentId: 'pay_1', provider: 'vnpay', amount: 50_000, status: 'succeeded' }],
    });
    expect(shareOf(paidFees)).toEqual({ dossierNo: 'A', amount: 25_000, byFeeKind: { postage: 25_000 } });
  });

  it('ignores money kept for refund review and failed payments, which paid nothing', () => {
    const dossier = owing('A', [['fee', 30_000], ['charge', 20_000]], {
      payments: [
        { paymentId: 'pay_1', provider: 'vnpay', amount: 30_000, status: 'succeeded', refundReview: true },
        { paymentId: 'pay_2', provider: 'vnpay', amount: 30_000, status: 'failed' },
      ],
    });
    expect(shareOf(dossier).byFeeKind).toEqual({ fee: 30_000, charge: 20_000 });
  });

  it('always splits exactly its amount, whatever was paid before (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('fee' as const, 'charge' as const, 'postage' as const), fc.integer({ min: 0, max: 5_000_000 })), { maxLength: 6 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 1, max: 20_000_000 }),
        (items, extraCharges, paid, amountDue) => {
          const dossier = owing('A', items, { extraCharges, amountDue, payments: paid > 0 ? [{ paymentId: 'p', provider: 'vnpay', amount: paid, status: 'succeeded' }] : [] });
          const share = shareOf(dossier);
          const parts = Object.values(share.byFeeKind);
          expect(share.amount).toBe(amountDue);
          expect(parts.reduce((s, v) => s + v, 0)).toBe(amountDue);
          expect(parts.every((v) => Number.isSafeInteger(v) && v > 0)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('adds the shares of a basket into its one amount', () => {
    expect(basketAmount([shareOf(owing('A', [['fee', 5_000]])), shareOf(owing('B', [['charge', 7_000], ['fee', 3_000]]))])).toBe(15_000);
  });
});

describe('whyNotPayable', () => {
  it.each([
    ['AWAITING_PAYMENT', 5_000, undefined],
    ['AWAITING_PAYMENT', 0, 'NOTHING_DUE'],
    ['PROCESSING', 20_000, undefined],
    ['PROCESSING', 0, 'NOT_AWAITING_PAYMENT'],
    ['RECEIVED', 5_000, 'NOT_AWAITING_PAYMENT'],
    ['WITHDRAWN', 5_000, 'NOT_AWAITING_PAYMENT'],
  ] as const)('a dossier %s owing %i → %s', (status, amountDue, code) => {
    expect(whyNotPayable({ dossierNo: 'A', status, amountDue })?.code).toBe(code);
  });
});

describe('checkBasket', () => {
  const dossier = (dossierNo: string, overrides: Partial<NonNullable<BasketCandidate['dossier']>> = {}) => ({
    dossierNo, agencyCode: 'HP-STP', status: 'AWAITING_PAYMENT' as const, amountDue: 5_000, applicant: { citizenId: CITIZEN, fullName: 'x', phone: 'x' }, ...overrides,
  });
  const candidates = (...dossiers: (ReturnType<typeof dossier> | string)[]): BasketCandidate[] =>
    dossiers.map((d, i) => (typeof d === 'string' ? { path: `dossierNos.${i}`, dossierNo: d, dossier: undefined } : { path: `dossierNos.${i}`, dossierNo: d.dossierNo, dossier: d }));
  const refusal = (list: BasketCandidate[]) => {
    try {
      checkBasket(CITIZEN, list);
    } catch (error) {
      return error as InvalidInputError;
    }
    return undefined;
  };

  it('accepts dossiers of the caller, of one agency, all payable', () => {
    expect(refusal(candidates(dossier('A'), dossier('B', { status: 'PROCESSING', amountDue: 25_000 })))).toBeUndefined();
  });

  it('refuses (403) unknown dossiers and other citizens\u2019 alike, naming each by its position', () => {
    const error = refusal(candidates(dossier('A'), dossier('B', { applicant: { citizenId: '001099000001', fullName: 'x', phone: 'x' } }), 'C'));
    expect(error).toBeInstanceOf(BasketDossierNotYoursError);
    expect(error?.details).toEqual([
      { path: 'dossierNos.1', message: 'B is not a dossier of yours' },
      { path: 'dossierNos.2', message: 'C is not a dossier of yours' },
    ]);
  });

  it('refuses (422) a basket across agencies, naming the dossiers of the other agency', () => {
    const error = refusal(candidates(dossier('A'), dossier('B'), dossier('C', { agencyCode: 'HP-PX' })));
    expect(error).toBeInstanceOf(BasketSpansAgenciesError);
    expect(error?.details).toEqual([{ path: 'dossierNos.2', message: 'C is processed by HP-PX, not HP-STP' }]);
  });

  it('refuses (409) dossiers not payable now, naming every one and why', () => {
    const error = refusal(candidates(dossier('A', { status: 'PROCESSING', amountDue: 0 }), dossier('B'), dossier('C', { amountDue: 0 })));
    expect(error).toBeInstanceOf(DossiersNotPayableError);
    expect(error?.details).toEqual([
      { path: 'dossierNos.0', message: 'Dossier A is PROCESSING, not awaiting payment' },
      { path: 'dossierNos.2', message: 'Nothing is due on dossier C' },
    ]);
  });

  it('checks ownership before anything else: another citizen learns nothing of their dossier\u2019s state', () => {
    const other = dossier('B', { applicant: { citizenId: '001099000001', fullName: 'x', phone: 'x' }, agencyCode: 'HP-PX', status: 'WITHDRAWN' });
    expect(refusal(candidates(dossier('A'), other))).toBeInstanceOf(BasketDossierNotYoursError);
  });
});

describe('CreateBasketPaymentRequestSchema', () => {
  const body = (dossierNos: unknown) => ({ dossierNos, provider: 'vnpay', returnUrl: 'https://portal.example.vn/r' });
  const issues = (value: unknown) => {
    try {
      parseOrThrow(CreateBasketPaymentRequestSchema, value);
    } catch (error) {
      return (error as InvalidInputError).details;
    }
    return [];
  };

  it('takes 1 to 20 distinct dossier numbers', () => {
    expect(issues(body(['H31-1']))).toEqual([]);
    expect(issues(body(Array.from({ length: MAX_BASKET_DOSSIERS }, (_, i) => `H31-${i}`)))).toEqual([]);
  });

  it('names each repeated dossier by its position and the first one', () => {
    expect(issues(body(['H31-1', 'H31-2', 'H31-1', 'H31-2']))).toEqual([
      { path: 'dossierNos.2', message: 'H31-1 is already listed at dossierNos.0' },
      { path: 'dossierNos.3', message: 'H31-2 is already listed at dossierNos.1' },
    ]);
  });

  it.each([
    ['an empty list', 'dossierNos', body([])],
    ['more than 20', 'dossierNos', body(Array.from({ length: MAX_BASKET_DOSSIERS + 1 }, (_, i) => `H31-${i}`))],
    ['a malformed number', 'dossierNos.1', body(['H31-1', 'x'])],
    ['an unknown field', 'amount', { ...body(['H31-1']), amount: 1 }],
    ['no list', 'dossierNos', { provider: 'vnpay', returnUrl: 'https://portal.example.vn/r' }],
  ])('refuses %s, naming %s', (_case, path, value) => {
    expect(issues(value).map((i) => i.path)).toContain(path);
  });

  it('repeatedDossiers names exactly the positions that repeat an earlier one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { maxLength: 12 }), (list: string[]) => {
        const repeated = repeatedDossiers(list);
        expect(repeated.map((r) => r.index)).toEqual(list.flatMap((no, i) => (list.indexOf(no) !== i ? [i] : [])));
        for (const r of repeated) expect([list[r.first], r.first < r.index, list.indexOf(r.dossierNo)]).toEqual([r.dossierNo, true, r.first]);
      }),
    );
  });
});

describe('A payment\u2019s shares and event ids', () => {
  const basket = pendingPayment(1, {
    dossierNo: 'A',
    amount: 12_000,
    shares: [{ dossierNo: 'A', amount: 5_000, byFeeKind: { fee: 5_000 } }, { dossierNo: 'B', amount: 7_000, byFeeKind: { charge: 7_000 } }],
  });

  it('reads a payment stored before shares as paying its one dossier in full', () => {
    const legacy = pendingPayment(2);
    expect(sharesOf(legacy)).toEqual([{ dossierNo: legacy.dossierNo, amount: 5_000, byFeeKind: {} }]);
  });

  it('keeps the id one dossier\u2019s payment always had, and gives each dossier of a basket its own', () => {
    const single = pendingPayment(2);
    expect(settlementEventId(single, 'succeeded', single.dossierNo)).toBe(`payment-succeeded-${single.paymentId}`);
    expect(['A', 'B'].map((no) => settlementEventId(basket, 'succeeded', no))).toEqual([`payment-succeeded-${basket.paymentId}-A`, `payment-succeeded-${basket.paymentId}-B`]);
  });

  it('compares baskets as sets of dossiers', () => {
    expect(sameDossiers(['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameDossiers(['A', 'B'], ['A'])).toBe(false);
    expect(sameDossiers(['A', 'B'], ['A', 'C'])).toBe(false);
  });
});
