import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import type { DeliveryStatus } from '../../dossiers';

export type { DeliveryStatus };

/**
 * What moves a delivery: the carrier reporting a status (webhook or reconciliation), our order being
 * accepted by the carrier, and our own rule that enough failed attempts send the parcel back.
 */
export const DELIVERY_CAUSES = ['OrderCreated', 'CarrierReported', 'AttemptsExhausted'] as const;
export type DeliveryCause = (typeof DELIVERY_CAUSES)[number];

interface DeliveryStatusDefinition {
  /** Progress order: a status never gives way to one of lower rank unless `next` names it. */
  readonly rank: number;
  readonly terminal: boolean;
  /** The carrier's next steps from here (domain.md, "Postal return"): each a CarrierReported edge. */
  readonly next: readonly DeliveryStatus[];
}

/**
 * The delivery lifecycle as one table. Terminal statuses share the top rank: nothing follows them.
 * `satisfies` makes a status missing from the table a compile error, and a test checks it too.
 */
export const DeliveryLifecycle = {
  REQUESTED: { rank: 0, terminal: false, next: ['ORDER_CREATED', 'CANCELLED'] },
  ORDER_CREATED: { rank: 10, terminal: false, next: ['PICKED_UP', 'CANCELLED'] },
  // Picked up from the agency: the delivery-time clock starts, cancelling is no longer possible.
  PICKED_UP: { rank: 20, terminal: false, next: ['IN_TRANSIT', 'LOST'] },
  IN_TRANSIT: { rank: 30, terminal: false, next: ['OUT_FOR_DELIVERY', 'ATTEMPT_FAILED', 'LOST'] },
  OUT_FOR_DELIVERY: { rank: 40, terminal: false, next: ['DELIVERED', 'ATTEMPT_FAILED', 'LOST'] },
  // The one step back: a re-attempt after an invitation (at least 2, 2 working days apart).
  ATTEMPT_FAILED: { rank: 50, terminal: false, next: ['OUT_FOR_DELIVERY', 'AVAILABLE_AT_POST_OFFICE', 'RETURNED_TO_AGENCY', 'LOST'] },
  AVAILABLE_AT_POST_OFFICE: { rank: 60, terminal: false, next: ['DELIVERED', 'RETURNED_TO_AGENCY', 'LOST'] },
  DELIVERED: { rank: 100, terminal: true, next: [] },
  RETURNED_TO_AGENCY: { rank: 100, terminal: true, next: [] },
  CANCELLED: { rank: 100, terminal: true, next: [] },
  LOST: { rank: 100, terminal: true, next: [] },
} as const satisfies Record<DeliveryStatus, DeliveryStatusDefinition>;

export const DELIVERY_STATUSES = Object.keys(DeliveryLifecycle) as [DeliveryStatus, ...DeliveryStatus[]];

/** Our own steps, beside the carrier's: they are decided here, not reported. */
const OUR_EDGES: readonly Edge<DeliveryStatus, DeliveryCause>[] = [
  { from: 'REQUESTED', to: 'ORDER_CREATED', on: 'OrderCreated' },
  { from: 'ATTEMPT_FAILED', to: 'RETURNED_TO_AGENCY', on: 'AttemptsExhausted' },
];

/**
 * The delivery machine: every `next` of the table is a CarrierReported edge, plus our own steps.
 * Ranks and the never-backwards rule stay in {@link nextDeliveryStatus}: the carrier's reports are
 * unordered, so a report the machine has no edge for is kept on the timeline, not refused.
 */
export const DeliveryMachine = new StateMachine<DeliveryStatus, DeliveryCause>(
  DELIVERY_STATUSES,
  [
    ...DELIVERY_STATUSES.flatMap((from) =>
      (DeliveryLifecycle[from].next as readonly DeliveryStatus[]).map((to) => ({ from, to, on: 'CarrierReported' as const })),
    ),
    ...OUR_EDGES,
  ],
  { name: 'delivery', errorCode: 'INVALID_DELIVERY_TRANSITION' },
);

export function isTerminalDelivery(status: DeliveryStatus): boolean {
  return DeliveryLifecycle[status].terminal;
}

export function deliveryRank(status: DeliveryStatus): number {
  return DeliveryLifecycle[status].rank;
}

/** Whether the carrier may report `to` right after `from` (a direct step of the table). */
export function isDirectDeliveryStep(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return DeliveryMachine.isAllowed(from, to, 'CarrierReported');
}

/**
 * Whether `to` can follow `from` through steps the carrier did not report. Only forward steps count:
 * the re-attempt step back to OUT_FOR_DELIVERY is taken when reported, never inferred.
 */
function reachableForward(from: DeliveryStatus, to: DeliveryStatus): boolean {
  const seen = new Set<DeliveryStatus>([from]);
  const queue: DeliveryStatus[] = [from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const next of DeliveryMachine.targets(status, 'CarrierReported')) {
      if (deliveryRank(next) <= deliveryRank(status) || seen.has(next)) continue;
      if (next === to) return true;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

export interface DeliveryStatusChange {
  /** The delivery's status after the incoming one: unchanged when `moved` is false. */
  readonly status: DeliveryStatus;
  readonly moved: boolean;
  /** Why the status did not move, or which shortcut it took; for the timeline and logs. */
  readonly reason?: string;
}

/** When each status was reported; lets a late re-attempt report be told from a real one. */
export interface DeliveryStatusTiming {
  readonly currentAt: string | Date;
  readonly incomingAt: string | Date;
}

/**
 * The one guard every reported delivery status goes through. Carrier webhooks are at-least-once and
 * unordered, so an incoming status that cannot apply is not an error: the caller keeps it on the
 * timeline and the status stays. Rules, in order:
 * - a repeat or anything after a terminal status changes nothing;
 * - a direct step of the table moves; its one backward step (ATTEMPT_FAILED → OUT_FOR_DELIVERY) is
 *   refused when `timing` shows the report is older than the current status;
 * - a later status reachable through unreported steps moves (DELIVERED right after ORDER_CREATED);
 * - anything of lower rank is late and changes nothing; anything else is not a possible step
 *   (CANCELLED after PICKED_UP).
 */
export function nextDeliveryStatus(current: DeliveryStatus, incoming: DeliveryStatus, timing?: DeliveryStatusTiming): DeliveryStatusChange {
  const stay = (reason: string): DeliveryStatusChange => ({ status: current, moved: false, reason });
  if (incoming === current) return stay(`already ${current}`);
  if (isTerminalDelivery(current)) return stay(`${current} is final; ${incoming} kept on the timeline only`);

  const backwards = deliveryRank(incoming) < deliveryRank(current);
  if (isDirectDeliveryStep(current, incoming)) {
    if (backwards && timing && new Date(timing.incomingAt).getTime() < new Date(timing.currentAt).getTime()) {
      return stay(`${incoming} was reported before ${current}: a late report, not a new attempt`);
    }
    return { status: incoming, moved: true };
  }
  if (backwards) return stay(`${incoming} is behind ${current}: a late report, kept on the timeline only`);
  if (reachableForward(current, incoming)) {
    return { status: incoming, moved: true, reason: `${current} → ${incoming} skips statuses the carrier did not report` };
  }
  return stay(`${incoming} cannot follow ${current}`);
}
