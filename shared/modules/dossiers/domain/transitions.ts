import { InvalidStateTransitionError, StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import { DOSSIER_STATUSES, type DossierStatus } from './status';

export { InvalidStateTransitionError };

/**
 * What moves a dossier: the queue events, plus the three ways a ready result reaches the citizen
 * (derived from ResultReady, ResultCollected and DeliveryStatusChanged).
 */
export const TRANSITION_CAUSES = [
  'DossierRegistered',
  'PaymentSucceeded',
  'PaymentFailed',
  'ResultReady',
  'ResultIssuedElectronically',
  'ResultCollected',
  'ResultDelivered',
  'DeliveryStatusChanged',
  'SupplementRequested',
  'SupplementReceived',
  'DossierWithdrawn',
  'DossierRejected',
  'DossierStopped',
] as const;
export type TransitionCause = (typeof TRANSITION_CAUSES)[number];

export type Transition = Edge<DossierStatus, TransitionCause>;

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
  { from: 'PROCESSING', to: 'PROCESSING', on: 'PaymentSucceeded' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'SUPPLEMENT_REQUESTED', on: 'PaymentSucceeded' },
  { from: 'RESULT_READY', to: 'RESULT_READY', on: 'PaymentSucceeded' },
  { from: 'PROCESSING', to: 'SUPPLEMENT_REQUESTED', on: 'SupplementRequested' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'PROCESSING', on: 'SupplementReceived' },
  { from: 'PROCESSING', to: 'RESULT_READY', on: 'ResultReady' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultIssuedElectronically' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultCollected' },
  { from: 'RESULT_READY', to: 'RESULT_RETURNED', on: 'ResultDelivered' },
  // A postal return is chosen (and its parcel moves) from payment until the result is returned.
  { from: 'AWAITING_PAYMENT', to: 'AWAITING_PAYMENT', on: 'DeliveryStatusChanged' },
  { from: 'PROCESSING', to: 'PROCESSING', on: 'DeliveryStatusChanged' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'SUPPLEMENT_REQUESTED', on: 'DeliveryStatusChanged' },
  { from: 'RESULT_READY', to: 'RESULT_READY', on: 'DeliveryStatusChanged' },
  // Until a result is ready, the applicant may withdraw and the agency may reject.
  { from: 'RECEIVED', to: 'WITHDRAWN', on: 'DossierWithdrawn' },
  { from: 'AWAITING_PAYMENT', to: 'WITHDRAWN', on: 'DossierWithdrawn' },
  { from: 'PROCESSING', to: 'WITHDRAWN', on: 'DossierWithdrawn' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'WITHDRAWN', on: 'DossierWithdrawn' },
  { from: 'RECEIVED', to: 'REJECTED', on: 'DossierRejected' },
  { from: 'AWAITING_PAYMENT', to: 'REJECTED', on: 'DossierRejected' },
  { from: 'PROCESSING', to: 'REJECTED', on: 'DossierRejected' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'REJECTED', on: 'DossierRejected' },
  { from: 'PROCESSING', to: 'STOPPED', on: 'DossierStopped' },
  { from: 'SUPPLEMENT_REQUESTED', to: 'STOPPED', on: 'DossierStopped' },
];

/** The dossier lifecycle; a refused move carries INVALID_STATE_TRANSITION (the HTTP contract's 409 code). */
export const DossierMachine = new StateMachine(DOSSIER_STATUSES, DossierTransitions, { name: 'dossier', errorCode: 'INVALID_STATE_TRANSITION' });

export function isAllowed(from: DossierStatus, to: DossierStatus, on: TransitionCause): boolean {
  return DossierMachine.isAllowed(from, to, on);
}

/** Whether `on` can do anything at all in `from`. */
export function acceptsCause(from: DossierStatus, on: TransitionCause): boolean {
  return DossierMachine.accepts(from, on);
}

/** The one guard every state change goes through. */
export function assertTransition(from: DossierStatus, to: DossierStatus, on: TransitionCause): void {
  DossierMachine.assert(from, to, on);
}
