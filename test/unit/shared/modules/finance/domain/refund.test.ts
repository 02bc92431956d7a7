import { describe, expect, it } from 'vitest';
import { REFUND_CAUSES, REFUND_STATUSES, RefundMachine, RefundStatuses, refundable, refundScope, type RefundCause, type RefundStatus } from '../../../../../../shared/modules/finance/domain/refund';

describe('Class: RefundMachine', () => {
  // The whole table: every (from, cause) pair and where it leads, or null when refused.
  const table: Record<RefundStatus, Partial<Record<RefundCause, RefundStatus>>> = {
    requested: { SentToProvider: 'submitted', ManualTransferConfirmed: 'refunded' },
    submitted: { ProviderProcessing: 'submitted', ProviderRefunded: 'refunded', ProviderRefused: 'failed', OriginalNotSuccessful: 'not_refundable' },
    refunded: {},
    failed: {},
    not_refundable: {},
  };
  const cases = REFUND_STATUSES.flatMap((from) => REFUND_CAUSES.map((on) => [from, on, table[from][on] ?? null] as const));

  it.each(cases)('%s on %s → %s', (from, on, to) => {
    if (to === null) expect(() => RefundMachine.next(from, on)).toThrow(expect.objectContaining({ code: 'INVALID_REFUND_TRANSITION' }));
    else expect(RefundMachine.next(from, on)).toBe(to);
  });

  it('has every status in the table and the final ones terminal', () => {
    for (const s of REFUND_STATUSES) expect(RefundMachine.edges.some((e) => e.from === s || e.to === s)).toBe(true);
    expect(RefundMachine.terminalStatuses().sort()).toEqual(REFUND_STATUSES.filter((s) => RefundStatuses[s].final).sort());
  });

  it('keeps 94 (ProviderProcessing) on submitted: a refund in progress is queried, never sent again', () => {
    expect(RefundMachine.accepts('submitted', 'SentToProvider')).toBe(false);
  });
});

describe('Function: refundable', () => {
  it('holds requested, submitted and refunded amounts; failed and not refundable give theirs back', () => {
    expect(refundable(100_000, [
      { amount: 10_000, status: 'requested' }, { amount: 20_000, status: 'submitted' }, { amount: 30_000, status: 'refunded' },
      { amount: 40_000, status: 'failed' }, { amount: 50_000, status: 'not_refundable' },
    ])).toBe(40_000);
  });

  it('calls the whole payment at once full (02) and anything else partial (03)', () => {
    expect(refundScope(50_000, 50_000, 0)).toBe('full');
    expect(refundScope(50_000, 20_000, 0)).toBe('partial');
    expect(refundScope(50_000, 30_000, 20_000)).toBe('partial');
  });
});
