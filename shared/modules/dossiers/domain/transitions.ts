import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { DossierStatus } from './status';

/**
 * What moves a dossier: the queue events, plus the three ways a ready result reaches the citizen
 * (derived from ResultReady, ResultCollected and DeliveryStatusChanged).
 */
export type TransitionCause =
  | 'DossierRegistered'
  | 'PaymentSucceeded'
  | 'PaymentFailed'
  | 'ResultReady'
  | 'ResultIssuedElectronically'
  | 'ResultCollected'
  | 'ResultDelivered'
  | 'DeliveryStatusChanged'
  | 'SupplementRequested'
  | 'SupplementReceived'
  | 'DossierWithdrawn'
  | 'DossierRejected'
  | 'DossierStopped';

export interface Transition {
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  readonly on: TransitionCause;
}

const OPEN: readonly DossierStatus[] = ['RECEIVED', 'AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED'];

/**
 * The only allowed moves of a dossier (domain.md, "Dossier lifecycle"). A row whose `to` equals its
 * `from` records an event on the timeline without changing the status.
 */
export const DossierTransitions: readonly Transition[] = [
  { from: 'RECEIVED', to: 'AWAITING_PAYMENT', on: 'DossierRegistered' },
  { from: 'RECEIVED', to: 'PROCESSING', on: 'DossierRegistered' },
  { from: 'AWAITING_PAYMENT', to: 'PROCESSING', on: 'PaymentSucceeded' },
  { from: 'AWAITING_PAYMENT', to: 'AWAITING_PAYMENT', on: 'PaymentSucceeded' },
  { from: 'AWAITING_PAYMENT', to: 'AWAITING_PAYMENT', on: 'PaymentFailed' },
  // Postage registered after the fees were paid is paid separately while the dossier goes on.
  ...(['PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY'] as const).map(
    (status) => ({ from: status, to: status, on: 'PaymentSucceeded' }) as const,
  ),
  { from: 'PROCESSING', to: 'SUPPLEMENT_REQUESTED', on: 'SupplementRequested' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'PROCESSING', on: 'SupplementReceived' },
  { from: 'PROCESSING', to: 'RESULT_READY', on: 'ResultReady' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultIssuedElectronically' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultCollected' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultDelivered' },
  ...(['AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY'] as const).map(
    (status) => ({ from: status, to: status, on: 'DeliveryStatusChanged' }) as const,
  ),
  ...OPEN.map((status) => ({ from: status, to: 'WITHDRAWN', on: 'DossierWithdrawn' }) as const),
  ...OPEN.map((status) => ({ from: status, to: 'REJECTED', on: 'DossierRejected' }) as const),
  { from: 'PROCESSING', to: 'STOPPED', on: 'DossierStopped' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'STOPPED', on: 'DossierStopped' },
];

export class InvalidStateTransitionError extends BusinessRuleError {
  override readonly code = 'INVALID_STATE_TRANSITION';
  constructor(
    readonly from: DossierStatus,
    readonly to: DossierStatus | undefined,
    readonly on: TransitionCause,
  ) {
    super(to ? `${on} cannot move a dossier from ${from} to ${to}` : `${on} is not allowed while the dossier is ${from}`);
  }
}

export function isAllowed(from: DossierStatus, to: DossierStatus, on: TransitionCause): boolean {
  return DossierTransitions.some((t) => t.from === from && t.to === to && t.on === on);
}

/** Whether `on` can do anything at all in `from`. */
export function acceptsCause(from: DossierStatus, on: TransitionCause): boolean {
  return DossierTransitions.some((t) => t.from === from && t.on === on);
}

/** The one guard every state change goes through. */
export function assertTransition(from: DossierStatus, to: DossierStatus, on: TransitionCause): void {
  if (!isAllowed(from, to, on)) throw new InvalidStateTransitionError(from, to, on);
}
