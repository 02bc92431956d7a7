import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES, DeliveryLifecycle, DeliveryMachine, isTerminalDelivery, nextDeliveryStatus } from '../../../../../../shared/modules/deliveries/domain/status';
import { DeliveryStatusSchema, type DeliveryStatus } from '../../../../../../shared/modules/dossiers/api/dossier-events';

describe('Table: DeliveryLifecycle', () => {
  it('has exactly the statuses of DeliveryStatusSchema', () => {
    expect([...DELIVERY_STATUSES].sort()).toEqual([...DeliveryStatusSchema.options].sort());
  });

  it.each(DeliveryStatusSchema.options)('has %s in the table with a rank', (status) => {
    expect(DeliveryLifecycle[status]).toBeDefined();
    expect(typeof DeliveryLifecycle[status].rank).toBe('number');
  });

  it('marks exactly DELIVERED, RETURNED_TO_AGENCY, CANCELLED and LOST terminal, with nothing after them', () => {
    expect(DELIVERY_STATUSES.filter(isTerminalDelivery).sort()).toEqual(['CANCELLED', 'DELIVERED', 'LOST', 'RETURNED_TO_AGENCY']);
    for (const status of DELIVERY_STATUSES) expect(DeliveryLifecycle[status].next.length === 0).toBe(isTerminalDelivery(status));
  });

  it('can reach every status from REQUESTED', () => {
    const reached = new Set<DeliveryStatus>(['REQUESTED']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const from of [...reached]) {
        for (const to of DeliveryLifecycle[from].next) if (!reached.has(to)) (reached.add(to), (changed = true));
      }
    }
    expect([...reached].sort()).toEqual([...DELIVERY_STATUSES].sort());
  });

  it('only steps forward in rank, except the re-attempt', () => {
    const backward = DELIVERY_STATUSES.flatMap((from) =>
      DeliveryLifecycle[from].next.filter((to) => DeliveryLifecycle[to].rank <= DeliveryLifecycle[from].rank).map((to) => `${from} → ${to}`),
    );
    expect(backward).toEqual(['ATTEMPT_FAILED → OUT_FOR_DELIVERY']);
  });
});

describe('Function: nextDeliveryStatus', () => {
  it.each([
    ['REQUESTED', 'ORDER_CREATED'],
    ['ORDER_CREATED', 'PICKED_UP'],
    ['PICKED_UP', 'IN_TRANSIT'],
    ['IN_TRANSIT', 'OUT_FOR_DELIVERY'],
    ['OUT_FOR_DELIVERY', 'DELIVERED'],
    ['OUT_FOR_DELIVERY', 'ATTEMPT_FAILED'],
    ['IN_TRANSIT', 'ATTEMPT_FAILED'],
    ['ATTEMPT_FAILED', 'OUT_FOR_DELIVERY'],
    ['ATTEMPT_FAILED', 'AVAILABLE_AT_POST_OFFICE'],
    ['ATTEMPT_FAILED', 'RETURNED_TO_AGENCY'],
    ['AVAILABLE_AT_POST_OFFICE', 'DELIVERED'],
    ['AVAILABLE_AT_POST_OFFICE', 'RETURNED_TO_AGENCY'],
    ['REQUESTED', 'CANCELLED'],
    ['ORDER_CREATED', 'CANCELLED'],
    ['PICKED_UP', 'LOST'],
    ['IN_TRANSIT', 'LOST'],
    ['OUT_FOR_DELIVERY', 'LOST'],
    ['ATTEMPT_FAILED', 'LOST'],
    ['AVAILABLE_AT_POST_OFFICE', 'LOST'],
  ] as const)('moves %s → %s (a step of the table)', (current, incoming) => {
    expect(nextDeliveryStatus(current, incoming)).toEqual({ status: incoming, moved: true });
  });

  it.each([
    ['ORDER_CREATED', 'DELIVERED'],
    ['REQUESTED', 'IN_TRANSIT'],
    ['PICKED_UP', 'OUT_FOR_DELIVERY'],
    ['IN_TRANSIT', 'DELIVERED'],
    ['IN_TRANSIT', 'RETURNED_TO_AGENCY'],
    ['OUT_FOR_DELIVERY', 'AVAILABLE_AT_POST_OFFICE'],
    ['ORDER_CREATED', 'LOST'],
  ] as const)('moves %s → %s, skipping statuses the carrier did not report', (current, incoming) => {
    const change = nextDeliveryStatus(current, incoming);
    expect(change).toMatchObject({ status: incoming, moved: true });
    expect(change.reason).toContain('skips');
  });

  it.each([
    ['DELIVERED', 'IN_TRANSIT'],
    ['DELIVERED', 'OUT_FOR_DELIVERY'],
    ['DELIVERED', 'RETURNED_TO_AGENCY'],
    ['RETURNED_TO_AGENCY', 'ATTEMPT_FAILED'],
    ['CANCELLED', 'PICKED_UP'],
    ['LOST', 'DELIVERED'],
  ] as const)('keeps the final %s when %s arrives', (current, incoming) => {
    const change = nextDeliveryStatus(current, incoming);
    expect(change).toMatchObject({ status: current, moved: false });
    expect(change.reason).toMatch(/final/);
  });

  it.each([
    ['OUT_FOR_DELIVERY', 'IN_TRANSIT'],
    ['IN_TRANSIT', 'PICKED_UP'],
    ['PICKED_UP', 'ORDER_CREATED'],
    ['AVAILABLE_AT_POST_OFFICE', 'ATTEMPT_FAILED'],
    ['AVAILABLE_AT_POST_OFFICE', 'OUT_FOR_DELIVERY'],
    ['ATTEMPT_FAILED', 'IN_TRANSIT'],
  ] as const)('never moves backwards: %s stays when a late %s arrives', (current, incoming) => {
    const change = nextDeliveryStatus(current, incoming);
    expect(change).toMatchObject({ status: current, moved: false });
    expect(change.reason).toMatch(/behind/);
  });

  it.each([
    ['PICKED_UP', 'CANCELLED'],
    ['IN_TRANSIT', 'CANCELLED'],
    ['AVAILABLE_AT_POST_OFFICE', 'CANCELLED'],
  ] as const)('refuses CANCELLED after pickup: %s stays', (current, incoming) => {
    expect(nextDeliveryStatus(current, incoming)).toEqual({ status: current, moved: false, reason: `${incoming} cannot follow ${current}` });
  });

  it('treats a repeat as no move', () => {
    expect(nextDeliveryStatus('IN_TRANSIT', 'IN_TRANSIT')).toEqual({ status: 'IN_TRANSIT', moved: false, reason: 'already IN_TRANSIT' });
  });

  it('follows two failed attempts and a re-attempt to delivery', () => {
    const reported: DeliveryStatus[] = ['ORDER_CREATED', 'PICKED_UP', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAILED', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAILED', 'OUT_FOR_DELIVERY', 'DELIVERED'];
    const path = reported.reduce<DeliveryStatus[]>((seen, incoming) => [...seen, nextDeliveryStatus(seen.at(-1)!, incoming).status], ['REQUESTED']);
    expect(path.at(-1)).toBe('DELIVERED');
    expect(path.filter((s) => s === 'ATTEMPT_FAILED')).toHaveLength(2);
  });

  it('takes the re-attempt only when it was reported after the failure', () => {
    const failedAt = '2026-03-12T03:00:00Z';
    expect(nextDeliveryStatus('ATTEMPT_FAILED', 'OUT_FOR_DELIVERY', { currentAt: failedAt, incomingAt: '2026-03-13T01:00:00Z' }).moved).toBe(true);
    const late = nextDeliveryStatus('ATTEMPT_FAILED', 'OUT_FOR_DELIVERY', { currentAt: failedAt, incomingAt: new Date('2026-03-12T01:00:00Z') });
    expect(late).toMatchObject({ status: 'ATTEMPT_FAILED', moved: false });
    expect(late.reason).toContain('late report');
  });

  it('ignores timing for forward steps', () => {
    const timing = { currentAt: '2026-03-12T03:00:00Z', incomingAt: '2026-03-11T03:00:00Z' };
    expect(nextDeliveryStatus('ORDER_CREATED', 'DELIVERED', timing)).toMatchObject({ status: 'DELIVERED', moved: true });
  });

  it('never leaves a terminal status and never lowers rank, for every pair', () => {
    for (const current of DELIVERY_STATUSES) {
      for (const incoming of DELIVERY_STATUSES) {
        const { status, moved } = nextDeliveryStatus(current, incoming);
        expect(moved).toBe(status !== current);
        if (isTerminalDelivery(current)) expect(status).toBe(current);
        const reattempt = current === 'ATTEMPT_FAILED' && incoming === 'OUT_FOR_DELIVERY';
        if (!reattempt) expect(DeliveryLifecycle[status].rank, `${current} + ${incoming}`).toBeGreaterThanOrEqual(DeliveryLifecycle[current].rank);
      }
    }
  });
});

describe('Machine: DeliveryMachine', () => {
  it('has one CarrierReported edge per step of the lifecycle table, and no other', () => {
    const fromTable = DELIVERY_STATUSES.flatMap((from) => DeliveryLifecycle[from].next.map((to) => `${from} → ${to}`)).sort();
    const reported = DeliveryMachine.edges.filter((e) => e.on === 'CarrierReported').map((e) => `${e.from} → ${e.to}`).sort();
    expect(reported).toEqual(fromTable);
  });

  it('places our order only from REQUESTED and sends the parcel back only after a failed attempt', () => {
    expect(DeliveryMachine.statusesAccepting('OrderCreated')).toEqual(['REQUESTED']);
    expect(DeliveryMachine.next('REQUESTED', 'OrderCreated')).toBe('ORDER_CREATED');
    expect(DeliveryMachine.statusesAccepting('AttemptsExhausted')).toEqual(['ATTEMPT_FAILED']);
    expect(() => DeliveryMachine.next('IN_TRANSIT', 'AttemptsExhausted')).toThrow(expect.objectContaining({ code: 'INVALID_DELIVERY_TRANSITION' }));
  });

  it('agrees with the table on which statuses are terminal', () => {
    expect([...DeliveryMachine.terminalStatuses()].sort()).toEqual(DELIVERY_STATUSES.filter(isTerminalDelivery).sort());
  });
});
