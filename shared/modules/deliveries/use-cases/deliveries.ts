import { randomBytes } from 'node:crypto';
import { validateAddress } from '../../addresses';
import { deliveryStatusFromCarrier, type CarrierCodeTables } from '../domain/carrier-status';
import { applyCarrierEvent, type CarrierEvent, type Delivery } from '../domain/delivery';
import { DeliveryMachine } from '../domain/status';
import { carrierEventKey } from '../domain/timeline';
import { DossierExistsError, DuplicateEventError } from '../../dossiers';
import type { Dossier } from '../../dossiers';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../platform/kernel/errors';
import { PostalReturnNotAllowedError } from '../../fees';
import { quotePostage } from '../../fees';
import type { Clock } from '../../../platform/kernel/time';
import type { Principal } from '../../../platform/http/principal';
import { deliveryStatusChanged } from '../../../platform/observability/metrics';
import { withOptimisticRetry, type RetryPolicy } from '../../../platform/dynamodb/optimistic';
import type { AdministrativeUnitsReader } from '../../addresses';
import type { CatalogueReader } from '../../catalogue';
import type { DeliveryStore } from '../ports';
import type { DossierStore } from '../../dossiers';
import type { PostalService } from '../carrier-port';
import { PostalWebhookEventSchema, type DeliveryView, type RegisterDeliveryRequest } from '../api/delivery';
import type { DeliveryStatus, DossierEvent } from '../../dossiers';
import { canSee, DossierMachine, visibleDossier } from '../../dossiers';

export interface DeliveryDeps {
  readonly deliveries: DeliveryStore;
  /** Read only: the delivery store writes the dossier events (outbox rows the table's stream publishes). */
  readonly dossiers: DossierStore;
  readonly catalogue: CatalogueReader;
  readonly units: AdministrativeUnitsReader;
  readonly clock: Clock;
  /** Failed attempts after which the post office returns the result to the agency. */
  readonly maxFailedAttempts: number;
  /** The active carrier's wire vocabulary (carriers/registry.ts): webhook statuses are read with it. */
  readonly carrierStatusCodes: CarrierCodeTables;
}

export function toDeliveryView(d: Delivery): DeliveryView {
  return {
    deliveryId: d.deliveryId, dossierNo: d.dossierNo, status: d.status,
    ...(d.trackingNumber ? { trackingNumber: d.trackingNumber } : {}),
    postage: d.postage, postagePayer: d.postagePayer, codAmount: d.codAmount, recipient: d.recipient, address: d.address,
    addressCheck: d.addressCheck, failedAttempts: d.failedAttempts, timeline: [...d.timeline], createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

/**
 * `key` is ours ('requested', 'order-created') or a carrier key from carrierEventKey: fixed length,
 * so the id (at most 9 + 28 + 1 + 45 characters with our `dlv_` ids) is never cut and never collides.
 */
function statusEvent(d: Delivery, status: DeliveryStatus, key: string, at: string, extra: Partial<Extract<DossierEvent, { type: 'DeliveryStatusChanged' }>> = {}): DossierEvent {
  return { type: 'DeliveryStatusChanged', version: 1, id: `delivery-${d.deliveryId}-${key}`, occurredAt: at, dossierNo: d.dossierNo, deliveryId: d.deliveryId, status, ...extra };
}

/** Dossier statuses that still take news of a postal return: registering one is possible only there. */
const DELIVERY_NEWS_ACCEPTED: readonly string[] = DossierMachine.statusesAccepting('DeliveryStatusChanged');

/** Delivery statuses in which our carrier order is still to be placed (the dossier keeps the status as text). */
const AWAITING_ORDER: readonly string[] = DeliveryMachine.statusesAccepting('OrderCreated');

/** Whether a dossier's paper result can go out by post now (prepaid postage paid). */
export function readyForPostalOrder(dossier: Dossier): boolean {
  return (
    dossier.status === 'RESULT_READY' &&
    dossier.result?.kind === 'paper' &&
    dossier.result.counterPickup === undefined &&
    dossier.delivery !== undefined &&
    AWAITING_ORDER.includes(dossier.delivery.status) &&
    (dossier.delivery.postagePayer === 'on_delivery' || dossier.amountDue === 0)
  );
}

/** POST /v1/dossiers/{no}/delivery: the applicant chooses postal return; postage is quoted and recorded. */
export async function registerDelivery(deps: DeliveryDeps, principal: Principal, dossierNo: string, request: RegisterDeliveryRequest): Promise<DeliveryView> {
  const dossier = await visibleDossier(deps.dossiers, principal, dossierNo);
  if (principal.kind !== 'citizen') throw new ForbiddenError('The applicant registers the postal return');
  if (!DELIVERY_NEWS_ACCEPTED.includes(dossier.status) || dossier.result?.returnedAt) {
    throw new ConflictError(`The result of dossier ${dossierNo} can no longer be sent by post (${dossier.status})`, { details: [{ path: 'status', message: dossier.status }] });
  }
  const procedure = await deps.catalogue.getProcedure(dossier.procedureCode);
  if (!procedure?.postalReturnAllowed) throw new PostalReturnNotAllowedError('address');
  const check = await validateAddress(deps.units, request.address, 'address');
  if (check.issues.length > 0) throw new InvalidInputError('The address is not valid', { details: check.issues });
  const [agency, tariff] = await Promise.all([
    deps.catalogue.getAgency(dossier.agencyCode).then((a) => a ?? deps.catalogue.getAgency(procedure.agencyCode)),
    deps.catalogue.getPostageTariff(),
  ]);
  if (!agency || !tariff) throw new BusinessRuleError('Postage cannot be quoted: the catalogue has no tariff or agency', { details: [{ path: 'address', message: 'no postage tariff' }] });
  const postage = quotePostage(tariff, { fromProvinceCode: agency.provinceCode, toProvinceCode: request.address.provinceCode, weightGrams: procedure.resultWeightGrams }).amount;
  const at = deps.clock.now().toISOString();
  const delivery: Delivery = {
    deliveryId: `dlv_${randomBytes(12).toString('hex')}`,
    dossierNo, citizenId: dossier.applicant.citizenId, agencyCode: dossier.agencyCode, status: 'REQUESTED',
    postage, postagePayer: request.postagePayer, codAmount: request.postagePayer === 'on_delivery' ? postage : 0,
    recipient: request.recipient, address: request.address,
    addressCheck: { communeChecked: check.communeChecked, ...(check.note ? { note: check.note } : {}) },
    weightGrams: procedure.resultWeightGrams, failedAttempts: 0,
    timeline: [{ at, receivedAt: at, status: 'REQUESTED', moved: true, source: 'registration' }],
    statusAt: at, version: 1, createdAt: at, updatedAt: at,
  };
  const event = statusEvent(delivery, 'REQUESTED', 'requested', at, { postage: { amount: postage, payer: request.postagePayer } });
  try {
    await deps.deliveries.create(delivery, [event]);
  } catch (error) {
    if (error instanceof DossierExistsError) throw new ConflictError(error.message, { details: [{ path: 'dossierNo', message: 'postal return already registered' }] });
    throw error;
  }
  return toDeliveryView(delivery);
}

export async function getDelivery(deps: Pick<DeliveryDeps, 'deliveries' | 'dossiers'>, principal: Principal, dossierNo: string): Promise<DeliveryView> {
  const dossier = await deps.dossiers.get(dossierNo);
  const delivery = dossier && canSee(principal, dossier) ? await deps.deliveries.ofDossier(dossierNo) : undefined;
  if (!delivery) throw new NotFoundError(`No postal return for dossier ${dossierNo}`);
  // The whole timeline: older entries live outside the delivery item once there are many.
  const archived = delivery.timelineArchived ? await deps.deliveries.archivedTimeline(delivery.deliveryId) : [];
  return toDeliveryView({ ...delivery, timeline: [...archived, ...delivery.timeline] });
}

export type OrderOutcome = 'ordered' | 'already_ordered' | 'not_ready';

/** Our order write races only a carrier report on the same delivery: a few immediate re-reads settle it. */
const ORDER_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 0 };

/** The postal-orders consumer: one carrier order per delivery, our delivery id as the order number. */
export async function sendPostalOrder(deps: DeliveryDeps & { readonly postal: PostalService }, deliveryId: string): Promise<OrderOutcome> {
  return withOptimisticRetry(async () => {
    const delivery = await deps.deliveries.get(deliveryId);
    if (!delivery) throw new NotFoundError(`No delivery ${deliveryId}`);
    if (!DeliveryMachine.accepts(delivery.status, 'OrderCreated')) return 'already_ordered';
    const dossier = await deps.dossiers.get(delivery.dossierNo);
    if (!dossier || !readyForPostalOrder(dossier)) return 'not_ready';
    const agency = await deps.catalogue.getAgency(delivery.agencyCode);
    const { trackingNumber } = await deps.postal.createOrder({
      orderNumber: delivery.deliveryId,
      sender: { name: agency?.name.vi ?? delivery.agencyCode, address: { provinceCode: agency?.provinceCode ?? delivery.address.provinceCode, communeCode: '00000', street: agency?.name.vi ?? delivery.agencyCode } },
      recipient: delivery.recipient,
      address: delivery.address,
      weightGrams: delivery.weightGrams,
      codAmount: delivery.codAmount,
      note: `Kết quả hồ sơ ${delivery.dossierNo}`,
    });
    const at = deps.clock.now().toISOString();
    const status = DeliveryMachine.next(delivery.status, 'OrderCreated');
    const after: Delivery = {
      ...delivery, status, trackingNumber, statusAt: at, updatedAt: at, version: delivery.version + 1,
      timeline: [...delivery.timeline, { at, receivedAt: at, status, moved: true, source: 'order', note: `tracking ${trackingNumber}` }],
    };
    const event = statusEvent(after, status, 'order-created', at);
    await deps.deliveries.update(delivery, after, [event]);
    return 'ordered' as const;
  }, ORDER_RETRY);
}

export type CarrierReportResult = 'applied' | 'recorded' | 'duplicate' | 'unknown_tracking';

/**
 * Attempts at applying one carrier report before giving up. A lost race means another write to the
 * same delivery succeeded in between, so with K reports in flight on one parcel a report loses at
 * most K − 1 times (plus the odd transient transaction conflict): 50 covers any carrier burst we
 * expect, and the jittered pause (2, 4, … ms, at most 50) keeps racing writers from meeting again in lockstep.
 */
export const CARRIER_REPORT_RETRY: RetryPolicy = { attempts: 50, baseDelayMs: 2, maxDelayMs: 50 };

/**
 * One carrier report, from the webhook or the reconciliation: deduplicated, never backwards, always
 * kept. Concurrent reports on one parcel are merged, not refused: the loser of a race re-reads the
 * delivery and applies its report on top of the winner's (the same pure fold), then writes again.
 */
export async function applyCarrierReport(deps: DeliveryDeps, trackingNumber: string, report: CarrierEvent, source: 'webhook' | 'reconciliation'): Promise<CarrierReportResult> {
  let deliveryId: string | undefined;
  return withOptimisticRetry(async (): Promise<CarrierReportResult> => {
    const delivery = deliveryId ? await deps.deliveries.get(deliveryId) : await deps.deliveries.byTrackingNumber(trackingNumber);
    if (!delivery) return 'unknown_tracking';
    deliveryId = delivery.deliveryId;
    const result = applyCarrierEvent(delivery, report, source, deps.maxFailedAttempts, deps.clock.now());
    const after = result.delivery;
    const events =
      after.status !== delivery.status
        ? [statusEvent(after, after.status, `c-${carrierEventKey(report.eventId)}`, report.occurredAt, after.status === 'RETURNED_TO_AGENCY' || report.reason ? { reason: report.reason ?? 'absent_after_invitations' } : {})]
        : [];
    try {
      await deps.deliveries.update(delivery, after, events, report.eventId);
    } catch (error) {
      if (error instanceof DuplicateEventError) return 'duplicate';
      throw error;
    }
    if (events.length > 0) deliveryStatusChanged(after.status);
    return result.moved ? 'applied' : 'recorded';
  }, CARRIER_REPORT_RETRY);
}

export interface WebhookItemResult {
  readonly index: number;
  readonly eventId?: string;
  readonly result: CarrierReportResult | 'invalid';
  readonly error?: string;
}

/** A webhook body of one event or a batch: valid events are applied, invalid ones reported, none lost. */
export async function handlePostalWebhook(deps: DeliveryDeps, body: unknown): Promise<WebhookItemResult[]> {
  const items = Array.isArray(body) ? body : [body];
  const results: WebhookItemResult[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = PostalWebhookEventSchema.safeParse(item);
    if (!parsed.success) {
      results.push({ index, result: 'invalid', error: parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ') });
      continue;
    }
    const event = parsed.data;
    const status = deliveryStatusFromCarrier(event.status, deps.carrierStatusCodes);
    if (!status) {
      results.push({ index, eventId: event.eventId, result: 'invalid', error: `status: unknown carrier status ${event.status}` });
      continue;
    }
    const result = await applyCarrierReport(
      deps,
      event.trackingNumber,
      { eventId: event.eventId, status, occurredAt: new Date(event.occurredAt).toISOString(), ...(event.location ? { location: event.location } : {}), ...(event.reason ? { reason: event.reason } : {}) },
      'webhook',
    );
    results.push({ index, eventId: event.eventId, result });
  }
  return results;
}

/** Pull reconciliation: deliveries with no news for `quietMs` ask the carrier and apply what changed. */
export async function reconcileDeliveries(deps: DeliveryDeps & { readonly postal: PostalService }, quietMs: number, limit = 100): Promise<{ checked: number; applied: number }> {
  let applied = 0;
  const quiet = await deps.deliveries.quietSince(new Date(deps.clock.now().getTime() - quietMs), limit);
  for (const delivery of quiet) {
    const tracking = await deps.postal.getTracking(delivery.trackingNumber!);
    for (const event of tracking.events) {
      if (!event.status) continue;
      const eventId = `tracking-${tracking.trackingNumber}-${event.carrierCode}-${event.occurredAt}`;
      const result = await applyCarrierReport(
        deps,
        tracking.trackingNumber,
        { eventId, status: event.status, occurredAt: event.occurredAt, ...(event.location ? { location: event.location } : {}), ...(event.reason ? { reason: event.reason } : {}) },
        'reconciliation',
      );
      if (result === 'applied') applied++;
    }
  }
  return { checked: quiet.length, applied };
}
