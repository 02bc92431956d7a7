import { describe, expect, it } from 'vitest';
import { CARRIERS, Carriers, createCarrierRegistry } from '../../../../../../shared/modules/deliveries/carriers/registry';
import { handlePostalWebhook, sendPostalOrder, type DeliveryDeps } from '../../../../../../shared/modules/deliveries/use-cases/deliveries';
import { Functions } from '../../../../../../shared/app/functions';
import { dossierOwing, T0 } from '../../../../../support/dossiers';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';
import { InMemoryAdministrativeUnits } from '../../../../../fakes/units-in-memory';
import { InMemoryDeliveryStore } from '../../../../../fakes/delivery-store';
import { fakepost, fakePostalService } from '../../../../../fakes/carrier-fake';
import type { Delivery } from '../../../../../../shared/modules/deliveries/domain/delivery';

const NOW = new Date(T0.getTime() + 3_600_000);

describe('Registry: Carriers', () => {
  it('has VNPost as its one carrier and derives the grants of the functions that call it', () => {
    expect(Carriers.names).toEqual(['vnpost']);
    expect(Carriers.apiSecrets()).toEqual(['POSTAL_API_PASSWORD']);
    expect(Carriers.webhookSecrets()).toEqual(['POSTAL_WEBHOOK_SECRETS']);
    expect(Carriers.settings().map((s) => s.env)).toEqual(['POSTAL_API_URL', 'POSTAL_API_USERNAME']);
    const grants = Object.fromEntries(Functions.map((f) => [f.name, f.access.secrets ?? []]));
    expect(grants).toMatchObject({ PostalWebhook: ['POSTAL_WEBHOOK_SECRETS'], SendPostalOrders: ['POSTAL_API_PASSWORD'], ReconcileDeliveries: ['POSTAL_API_PASSWORD'] });
  });

  it('chooses the carrier by POSTAL_CARRIER and names the choices of an unknown one', () => {
    expect(Carriers.active({}).name).toBe('vnpost');
    expect(() => Carriers.active({ POSTAL_CARRIER: 'dhl' })).toThrow('Unknown carrier dhl: one of vnpost (POSTAL_CARRIER)');
    expect(() => createCarrierRegistry([...CARRIERS, ...CARRIERS])).toThrow('Two carriers share a name');
  });
});

/**
 * The cost of a carrier: test/fakes/carrier-fake/ is the whole carrier, and this test is the one
 * file outside it that adds it (a real one adds one line to CARRIERS instead, plus optionally a
 * sandbox in local/sandboxes/post-offices.ts).
 */
describe('A test-only carrier added to the registry', () => {
  const registry = createCarrierRegistry([...CARRIERS, fakepost]);
  const values = { POSTAL_CARRIER: 'fakepost', FAKEPOST_API_URL: 'https://api.fakepost.test' };
  const source = { values, secret: async (name: string) => (name === 'FAKEPOST_API_KEY' ? 'k' : '') };

  it('brings its secrets and settings into the derived lists', () => {
    expect(registry.apiSecrets()).toEqual(['POSTAL_API_PASSWORD', 'FAKEPOST_API_KEY']);
    expect(registry.webhookSecrets()).toEqual(['POSTAL_WEBHOOK_SECRETS', 'FAKEPOST_WEBHOOK_SECRETS']);
    expect(registry.settings().map((s) => s.context)).toContain('fakepostApiUrl');
  });

  it('takes an order and a webhook in its own codes through the unchanged use cases', async () => {
    // Prepare
    const carrier = registry.active(values);
    const postal = await carrier.postalService(source);
    const delivery: Delivery = {
      deliveryId: 'dlv_fake', dossierNo: 'H31-0001', citizenId: '031099012345', agencyCode: 'HP-PX', status: 'REQUESTED', postage: 0, postagePayer: 'on_delivery', codAmount: 22_000,
      recipient: { fullName: 'A', phone: '0912345678' }, address: { provinceCode: '31', communeCode: '11311', street: '1' }, addressCheck: { communeChecked: true },
      weightGrams: 100, failedAttempts: 0, timeline: [], statusAt: T0.toISOString(), version: 1, createdAt: T0.toISOString(), updatedAt: T0.toISOString(),
    };
    const dossier = { ...dossierOwing(0), status: 'RESULT_READY' as const, result: { kind: 'paper' as const, issuedAt: T0.toISOString() }, delivery: { deliveryId: 'dlv_fake', status: 'REQUESTED', postage: 0, postagePayer: 'on_delivery' as const } };
    const deliveries = new InMemoryDeliveryStore().add(delivery);
    const deps: DeliveryDeps = {
      deliveries, dossiers: new InMemoryDossierStore().add(dossier), catalogue: InMemoryCatalogue.seeded(),
      units: new InMemoryAdministrativeUnits(), clock: { now: () => NOW }, maxFailedAttempts: 2, carrierStatusCodes: carrier.statusCodes,
    };

    // Act
    const outcome = await sendPostalOrder({ ...deps, postal }, 'dlv_fake');
    const { trackingNumber } = (await deliveries.get('dlv_fake'))!;
    const results = await handlePostalWebhook(deps, [
      { eventId: 'f1', trackingNumber, status: 909, occurredAt: NOW.toISOString() },
      // 14 is VNPost's "delivered": fakepost does not know it.
      { eventId: 'f2', trackingNumber, status: 14, occurredAt: NOW.toISOString() },
    ]);

    // Assess
    expect(outcome).toBe('ordered');
    expect(fakePostalService.orders.map((o) => o.orderNumber)).toContain('dlv_fake');
    expect(results.map((r) => r.result)).toEqual(['applied', 'invalid']);
    expect((await deliveries.get('dlv_fake'))!.status).toBe('DELIVERED');
  });
});
