import { randomUUID } from 'node:crypto';
import { canonicalHash } from '../../../platform/kernel/canonical';
import type { Dossier } from '../domain/dossier';
import { DossierExistsError } from '../domain/errors';
import { checkSubmittedAt, DEFAULT_SUBMISSION_WINDOW, newDossier, type SubmissionWindow } from '../domain/register';
import { nationalPortalCode } from '../domain/status';
import { acceptsCause, DossierMachine, InvalidStateTransitionError, type TransitionCause } from '../domain/transitions';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import type { Principal } from '../../../platform/http/principal';
import type { CatalogueReader } from '../../catalogue';
import type { DossierStore } from '../ports';
import type { DossierView, RegisterDossierRequest } from '../api/dossier';
import type { DossierEvent } from '../domain/events';
import { assessFeesForDossier } from '../../fees';

export interface DossierDeps {
  readonly store: DossierStore;
  readonly catalogue: CatalogueReader;
  readonly clock: Clock;
  /** Accepted range of `submittedAt` at registration; the default when not configured. */
  readonly submissionWindow?: SubmissionWindow;
}

export function toDossierView(d: Dossier): DossierView {
  return {
    dossierNo: d.dossierNo,
    procedureCode: d.procedureCode,
    agencyCode: d.agencyCode,
    channel: d.channel,
    submittedAt: d.submittedAt,
    applicant: d.applicant,
    status: d.status,
    nationalPortalStatus: nationalPortalCode(d.status),
    fees: { ...d.fees, items: [...d.fees.items], reductions: [...d.fees.reductions] },
    amountDue: d.amountDue,
    payments: [...d.payments],
    ...(d.result ? { result: d.result } : {}),
    ...(d.delivery ? { delivery: d.delivery } : {}),
    level4: d.level4,
    timeline: [...d.timeline],
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** Whether the caller may see the dossier: its applicant, or its agency. */
export function canSee(principal: Principal, dossier: Dossier): boolean {
  return (
    (principal.kind === 'citizen' && principal.citizenId === dossier.applicant.citizenId) ||
    (principal.kind === 'agency' && principal.agencyCode === dossier.agencyCode)
  );
}

/** The dossier, or 404 for one that does not exist or that the caller may not see. */
export async function visibleDossier(store: DossierStore, principal: Principal, dossierNo: string): Promise<Dossier> {
  const dossier = await store.get(dossierNo);
  if (!dossier || !canSee(principal, dossier)) throw new NotFoundError(`No dossier ${dossierNo}`);
  return dossier;
}

export interface Registration {
  readonly created: boolean;
  readonly dossier: DossierView;
}

/**
 * Registers a dossier idempotently: the same body again answers the dossier as it is now; another
 * body for the same number is a conflict. Fees are assessed and locked here.
 */
export async function registerDossier(deps: DossierDeps, principal: Principal, dossierNo: string, request: RegisterDossierRequest): Promise<Registration> {
  if (principal.kind !== 'agency' || principal.agencyCode !== request.agencyCode) {
    throw new ForbiddenError('An agency registers dossiers for itself only', { details: [{ path: 'agencyCode', message: 'must be the agency of the token' }] });
  }
  const requestHash = canonicalHash(request);
  const existing = await deps.store.get(dossierNo);
  if (existing) return repeated(existing, requestHash);

  const now = deps.clock.now();
  // After the replay check: the same request retried later still answers the dossier it created.
  checkSubmittedAt(request.submittedAt, now, deps.submissionWindow ?? DEFAULT_SUBMISSION_WINDOW);
  const fees = await assessFeesForDossier(deps.catalogue, deps.clock, request);
  const dossier = newDossier(dossierNo, request, fees, requestHash, now);
  const registered: DossierEvent = {
    type: 'DossierRegistered',
    version: 1,
    id: `registered-${requestHash.slice(0, 32)}-${dossierNo}`.slice(0, 128),
    occurredAt: now.toISOString(),
    dossierNo,
    channel: request.channel,
    feesTotal: fees.total,
  };
  try {
    await deps.store.create(dossier, [registered]);
  } catch (error) {
    if (!(error instanceof DossierExistsError)) throw error;
    const winner = await deps.store.get(dossierNo);
    if (!winner) throw error;
    return repeated(winner, requestHash);
  }
  return { created: true, dossier: toDossierView(dossier) };
}

function repeated(existing: Dossier, requestHash: string): Registration {
  if (existing.requestHash !== requestHash) {
    throw new DossierExistsError(`Dossier ${existing.dossierNo} is already registered with other data`);
  }
  return { created: false, dossier: toDossierView(existing) };
}

export async function getDossier(store: DossierStore, principal: Principal, dossierNo: string): Promise<DossierView> {
  return toDossierView(await visibleDossier(store, principal, dossierNo));
}

type AgencyEvent = Extract<DossierEvent, { type: 'ResultReady' | 'ResultCollected' }>;
type AgencyEventPayload<T extends AgencyEvent['type']> = Omit<Extract<AgencyEvent, { type: T }>, 'type' | 'version' | 'id' | 'occurredAt' | 'dossierNo'>;

/**
 * An agency's action on its own dossier, checked against the transition table now and applied by the
 * consumer in order. The event id derives from the request, so a retried request is one event.
 */
export async function submitAgencyEvent<T extends AgencyEvent['type']>(
  deps: Pick<DossierDeps, 'store' | 'clock'>,
  principal: Principal,
  dossierNo: string,
  type: T,
  cause: TransitionCause,
  payload: AgencyEventPayload<T>,
): Promise<DossierEvent> {
  const dossier = await deps.store.get(dossierNo);
  if (!dossier || principal.kind !== 'agency' || principal.agencyCode !== dossier.agencyCode) throw new NotFoundError(`No dossier ${dossierNo}`);
  if (!acceptsCause(dossier.status, cause)) {
    const error = new InvalidStateTransitionError(DossierMachine.name, dossier.status, undefined, cause);
    throw new ConflictError(error.message, { details: [{ path: 'status', message: `dossier is ${dossier.status}` }] });
  }
  const event = {
    type,
    version: 1,
    id: `${type}-${canonicalHash({ dossierNo, type, payload }).slice(0, 40)}`,
    occurredAt: deps.clock.now().toISOString(),
    dossierNo,
    ...payload,
  } as unknown as DossierEvent;
  // Written as a row of the outbox: the table's stream publishes it (a repeat writes it again).
  await deps.store.enqueue([event]);
  return event;
}

export const newEventId = (): string => randomUUID();
