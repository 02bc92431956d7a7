import { describe, expect, it } from 'vitest';
import {
  applyCarrierReport,
  getDelivery,
  handlePostalWebhook,
  readyForPostalOrder,
  reconcileDeliveries,
  registerDelivery,
  sendPostalOrder,
  type DeliveryDeps,
} from '../../../../../../shared/modules/deliveries/use-cases/deliveries';
import { VNPOST_CODES } from '../../../../../../shared/modules/deliveries/carriers/vnpost/status-codes';
import type { Delivery } from '../../../../../../shared/modules/deliveries/domain/delivery';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import { RetryableWriteConflict } from '../../../../../../shared/platform/dynamodb/optimistic';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { dossierOwing, T0 } from '../../../../../support/dossiers';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';
import { InMemoryAdministrativeUnits } from '../../../../../fakes/units-in-memory';
import { InMemoryDeliveryStore } from '../../../../../fakes/delivery-store';
import { FakePostalService } from '../../../../../fakes/carrier-fake';

const NOW = new Date(T0.getTime() + 24 * 3_600_000);
const citizen = { kind: 'citizen', citizenId: '031099012345' } as const;
const request = { recipient: { fullName: 'Nguyễn Văn A', phone: '0912345678' }, address: { provinceCode: '31', communeCode: '11311', street: '12 Lê Lợi' }, postagePayer: 'prepaid' } as const;

function setup(dossier: Dossier = dossierOwing(0)) {
  const deliveries = new InMemoryDeliveryStore();
  const dossiers = new InMemoryDossierStore().add(dossier);
  const units = new InMemoryAdministrativeUnits({ provinces: [{ code: '31', name: 'Hải Phòng' }], communes: [{ code: '11311', name: 'Hồng Bàng', provinceCode: '31' }] });
  const deps: DeliveryDeps = {
    deliveries, dossiers, units, catalogue: InMemoryCatalogue.seeded(), clock: { now: () => NOW }, maxFailedAttempts: 2, carrierStatusCodes: VNPOST_CODES,
  };
  return { deps, deliveries, dossiers };
}

/** A dossier whose paper result waits for the postal order of `delivery`. */
const readyFor = (delivery: Delivery): Dossier => ({
  ...dossierOwing(0),
  status: 'RESULT_READY',
  result: { kind: 'paper', issuedAt: T0.toISOString() },
  delivery: { deliveryId: delivery.deliveryId, status: delivery.status, postage: delivery.postage, postagePayer: delivery.postagePayer },
});

async function registered() {
  const world = setup({ ...dossierOwing(0), status: 'PROCESSING' });
  const view = await registerDelivery(world.deps, citizen, 'H31-0001', request);
  const delivery = (await world.deliveries.get(view.deliveryId))!;
  return { ...world, delivery };
}

async function ordered() {
  const world = await registered();
  world.dossiers.add(readyFor(world.delivery));
  const postal = new FakePostalService();
  await sendPostalOrder({ ...world.deps, postal }, world.delivery.deliveryId);
  return { ...world, postal, delivery: (await world.deliveries.get(world.delivery.deliveryId))! };
}

const report = (eventId: string, status: Delivery['status'], minutes: number) => ({ eventId, status, occurredAt: new Date(NOW.getTime() + minutes * 60_000).toISOString() });

describe('Use case: registerDelivery', () => {
  it('quotes the postage, stores the delivery as REQUESTED and queues its event', async () => {
    // Prepare
    const { deps, deliveries } = setup({ ...dossierOwing(0), status: 'PROCESSING' });

    // Act
    const view = await registerDelivery(deps, citizen, 'H31-0001', request);

    // Assess
    expect(view).toMatchObject({ dossierNo: 'H31-0001', status: 'REQUESTED', postagePayer: 'prepaid', codAmount: 0, createdAt: NOW.toISOString() });
    expect(view.postage).toBeGreaterThan(0);
    expect(deliveries.events.map((e) => [e.type, e.id])).toEqual([['DeliveryStatusChanged', `delivery-${view.deliveryId}-requested`]]);
  });

  it('refuses an agency, a second registration and a dossier already returned', async () => {
    const { deps } = setup({ ...dossierOwing(0), status: 'PROCESSING' });
    await expect(registerDelivery(deps, { kind: 'agency', agencyCode: 'HP-PX' }, 'H31-0001', request)).rejects.toBeInstanceOf(ForbiddenError);
    await registerDelivery(deps, citizen, 'H31-0001', request);
    await expect(registerDelivery(deps, citizen, 'H31-0001', request)).rejects.toBeInstanceOf(ConflictError);
    const returned = setup({ ...dossierOwing(0), status: 'RESULT_RETURNED' });
    await expect(registerDelivery(returned.deps, citizen, 'H31-0001', request)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('Use case: getDelivery', () => {
  it('answers the whole timeline, archived entries first, and 404 to someone else', async () => {
    // Prepare
    const { deps, deliveries, delivery } = await registered();
    deliveries.archived.set(delivery.deliveryId, [{ at: T0.toISOString(), receivedAt: T0.toISOString(), status: 'REQUESTED', moved: false, source: 'webhook' }]);
    deliveries.add({ ...delivery, timelineArchived: 1 });

    // Act
    const view = await getDelivery(deps, citizen, 'H31-0001');

    // Assess
    expect(view.timeline.map((e) => e.source)).toEqual(['webhook', 'registration']);
    await expect(getDelivery(deps, { kind: 'citizen', citizenId: '001099000001' }, 'H31-0001')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Use case: sendPostalOrder', () => {
  it('orders once with our delivery id as the order number, then answers already_ordered', async () => {
    // Prepare
    const world = await registered();
    world.dossiers.add(readyFor(world.delivery));
    const postal = new FakePostalService();

    // Act
    const first = await sendPostalOrder({ ...world.deps, postal }, world.delivery.deliveryId);
    const again = await sendPostalOrder({ ...world.deps, postal }, world.delivery.deliveryId);

    // Assess
    expect([first, again]).toEqual(['ordered', 'already_ordered']);
    expect(postal.orders.map((o) => o.orderNumber)).toEqual([world.delivery.deliveryId]);
    expect(await world.deliveries.get(world.delivery.deliveryId)).toMatchObject({ status: 'ORDER_CREATED', trackingNumber: 'FP000001', version: 2 });
  });

  it('waits while the result is not ready, and retries a lost race by reading again', async () => {
    const world = await registered();
    const postal = new FakePostalService();
    expect(await sendPostalOrder({ ...world.deps, postal }, world.delivery.deliveryId)).toBe('not_ready');
    world.dossiers.add(readyFor(world.delivery));
    world.deliveries.loseRaces = 2;
    expect(await sendPostalOrder({ ...world.deps, postal }, world.delivery.deliveryId)).toBe('ordered');
  });

  it('lets a lost race that never ends escape as a retry signal (a 500), not a 409', async () => {
    const world = await registered();
    world.dossiers.add(readyFor(world.delivery));
    world.deliveries.loseRaces = 3;
    await expect(sendPostalOrder({ ...world.deps, postal: new FakePostalService() }, world.delivery.deliveryId)).rejects.toBeInstanceOf(RetryableWriteConflict);
  });

  it('knows when a dossier is ready for its postal order', async () => {
    const { delivery } = await registered();
    expect(readyForPostalOrder(readyFor(delivery))).toBe(true);
    expect(readyForPostalOrder({ ...readyFor(delivery), delivery: { ...readyFor(delivery).delivery!, status: 'ORDER_CREATED' } })).toBe(false);
    expect(readyForPostalOrder({ ...readyFor(delivery), amountDue: 22_000 })).toBe(false);
  });
});

describe('Use case: applyCarrierReport', () => {
  it('applies, deduplicates and keeps a late report without moving back', async () => {
    const { deps, delivery } = await ordered();
    const tn = delivery.trackingNumber!;
    expect(await applyCarrierReport(deps, tn, report('e1', 'IN_TRANSIT', 10), 'webhook')).toBe('applied');
    expect(await applyCarrierReport(deps, tn, report('e1', 'IN_TRANSIT', 10), 'webhook')).toBe('duplicate');
    expect(await applyCarrierReport(deps, tn, report('e0', 'PICKED_UP', 5), 'webhook')).toBe('recorded');
    expect(await applyCarrierReport(deps, 'NOPE', report('e2', 'DELIVERED', 20), 'webhook')).toBe('unknown_tracking');
    expect((await deps.deliveries.get(delivery.deliveryId))!.status).toBe('IN_TRANSIT');
  });

  it('merges a report that lost 49 races instead of refusing it (the carrier-burst policy)', async () => {
    const { deps, deliveries, delivery } = await ordered();
    deliveries.loseRaces = 49;
    expect(await applyCarrierReport(deps, delivery.trackingNumber!, report('e1', 'DELIVERED', 10), 'webhook')).toBe('applied');
  }, 20_000);

  it('sends the parcel back after the last failed attempt, with one dossier event', async () => {
    const { deps, deliveries, delivery } = await ordered();
    const tn = delivery.trackingNumber!;
    await applyCarrierReport(deps, tn, report('a1', 'ATTEMPT_FAILED', 10), 'webhook');
    await applyCarrierReport(deps, tn, report('o2', 'OUT_FOR_DELIVERY', 20), 'webhook');
    await applyCarrierReport(deps, tn, report('a2', 'ATTEMPT_FAILED', 30), 'webhook');
    expect(await deliveries.get(delivery.deliveryId)).toMatchObject({ status: 'RETURNED_TO_AGENCY', failedAttempts: 2 });
    expect(deliveries.events.at(-1)).toMatchObject({ status: 'RETURNED_TO_AGENCY', reason: 'absent_after_invitations' });
  });
});

describe('Use case: handlePostalWebhook', () => {
  it('reads codes with the carrier table it is given, reports invalid events and applies the valid ones', async () => {
    const { deps, delivery } = await ordered();
    const at = new Date(NOW.getTime() + 60_000).toISOString();
    const results = await handlePostalWebhook(deps, [
      { eventId: 'w1', trackingNumber: delivery.trackingNumber, status: 14, occurredAt: at },
      { eventId: 'w2', trackingNumber: delivery.trackingNumber, status: 999, occurredAt: at },
      { trackingNumber: delivery.trackingNumber },
    ]);
    expect(results.map((r) => r.result)).toEqual(['applied', 'invalid', 'invalid']);
    expect(results[1]!.error).toBe('status: unknown carrier status 999');
    expect((await deps.deliveries.get(delivery.deliveryId))!.status).toBe('DELIVERED');
  });
});

describe('Use case: reconcileDeliveries', () => {
  it('pulls the tracking of quiet deliveries and applies what the webhooks missed', async () => {
    const { deps, postal, delivery } = await ordered();
    const tn = delivery.trackingNumber!;
    const at = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();
    postal.tracking.set(tn, { trackingNumber: tn, status: 'DELIVERED', unknownCodes: ['77'], events: [
      { status: 'PICKED_UP', carrierCode: '2', occurredAt: at(1) },
      { carrierCode: '77', occurredAt: at(2) },
      { status: 'DELIVERED', carrierCode: '14', occurredAt: at(3) },
    ] });
    const later = { ...deps, clock: { now: () => new Date(NOW.getTime() + 3 * 3_600_000) }, postal };

    const result = await reconcileDeliveries(later, 2 * 3_600_000);

    expect(result).toEqual({ checked: 1, applied: 2 });
    expect((await deps.deliveries.get(delivery.deliveryId))!.status).toBe('DELIVERED');
  });
});
