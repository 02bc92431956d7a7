import { describe, expect, it } from 'vitest';
import { submittedWindow, summaryOf } from '../../../../../../shared/modules/dossiers/domain/summary';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

describe('Function: summaryOf', () => {
  it('keeps what a list shows and nothing personal', () => {
    // Prepare: 5,000 owed, 2,000 paid, and 3,000 taken after the fact (held for a refund review)
    const dossier = {
      ...dossierOwing(5_000),
      amountDue: 3_000,
      payments: [
        { paymentId: 'p1', provider: 'vnpay', amount: 2_000, status: 'succeeded' as const },
        { paymentId: 'p2', provider: 'vietqr', amount: 3_000, status: 'succeeded' as const, refundReview: true },
      ],
    };

    // Act
    const summary = summaryOf(dossier);

    // Assess
    expect(summary).toEqual({
      dossierNo: 'H31-0001',
      procedureCode: '2.000815',
      agencyCode: 'HP-PX',
      channel: 'online',
      status: 'AWAITING_PAYMENT',
      submittedAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      feesTotal: 5_000,
      amountDue: 3_000,
      amountPaid: 2_000,
    });
    expect(JSON.stringify(summary)).not.toContain(dossier.applicant.citizenId);
    expect(JSON.stringify(summary)).not.toContain(dossier.applicant.fullName);
  });
});

describe('Function: submittedWindow', () => {
  it.each([
    ['no bounds', {}, {}],
    ['a day: that whole day in Viet Nam time', { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-02-28T17:00:00.000Z', to: '2026-03-01T17:00:00.000Z' }],
    ['instants: to is kept inclusive by one millisecond', { from: '2026-03-01T02:00:00Z', to: '2026-03-01T09:00:00+07:00' }, { from: '2026-03-01T02:00:00.000Z', to: '2026-03-01T02:00:00.001Z' }],
    ['only from', { from: '2026-03-01' }, { from: '2026-02-28T17:00:00.000Z' }],
    ['only to', { to: '2026-03-31' }, { to: '2026-03-31T17:00:00.000Z' }],
  ])('%s', (_case, bounds, window) => {
    expect(submittedWindow(bounds)).toEqual(window);
  });

  it('refuses a window that ends before it starts, naming to', () => {
    let thrown: unknown;
    try {
      submittedWindow({ from: '2026-03-02', to: '2026-03-01' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).details).toEqual([{ path: 'to', message: 'must not be before from' }]);
  });
});
