import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContainer } from '../../../../shared/app/container';
import type { Settings } from '../../../../shared/app/settings';
import type { PaymentProviderRegistry } from '../../../../shared/modules/payments/providers/registry';
import { makeHandler as makeGetDossier } from '../../../../functions/http/get-dossier';
import { InMemoryDossierStore } from '../../../fakes/dossier-store';
import { dossierOwing, T0 } from '../../../support/dossiers';
import { httpEvent, lambdaContextStub } from '../../../support/http-event';
import { InMemorySyncStates } from '../../../fakes/national-portal-fakes';
import type { FinanceStore } from '../../../../shared/modules/finance';

const settings = (overrides: Partial<Settings> = {}): Settings => ({
  stage: 'test',
  aws: { region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, endpoints: { dynamodb: 'http://127.0.0.1:4567', sqs: 'http://127.0.0.1:4568' } },
  tableName: 'Main',
  queueUrls: { dossierEvents: 'http://127.0.0.1:4568/000000000000/dossier-events.fifo' },
  corsOrigins: ['https://portal.example.vn'],
  values: {},
  secrets: { values: {} },
  ...overrides,
});

describe('Function: createContainer', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('builds each adapter once per container, and another container builds its own', () => {
    // Prepare
    const first = createContainer(settings());
    const second = createContainer(settings());

    // Act, Assess
    expect(first.documentClient).toBe(first.documentClient);
    expect(first.dossierStore).toBe(first.dossierStore);
    expect(first.dossierDeps.store).toBe(first.dossierStore);
    expect(first.deliveryDeps.dossiers).toBe(first.dossierStore);
    expect(second.documentClient).not.toBe(first.documentClient);
    expect(second.dossierStore).not.toBe(first.dossierStore);
  });

  it('points the SDK clients at the endpoints of its settings', async () => {
    // Prepare
    const container = createContainer(settings());

    // Act
    const dynamodb = await container.documentClient.config.endpoint!();
    const sqs = await container.sqsClient.config.endpoint!();

    // Assess
    expect(`${dynamodb.hostname}:${dynamodb.port}`).toBe('127.0.0.1:4567');
    expect(`${sqs.hostname}:${sqs.port}`).toBe('127.0.0.1:4568');
  });

  it('uses an override instead of building the adapter, in every bundle that needs it', () => {
    // Prepare
    const store = new InMemoryDossierStore();
    const clock = { now: () => T0 };

    // Act
    const container = createContainer(settings(), { dossierStore: store, clock });

    // Assess
    expect(container.dossierStore).toBe(store);
    expect(container.dossierDeps).toMatchObject({ store, clock });
    expect(container.settleDeps).toMatchObject({ clock });
    expect(container.settleDeps).not.toHaveProperty('outbox'); // settlement publishes nothing itself: its outbox rows do
  });

  it('fails on first use, naming the setting, when a function has no table', () => {
    // Prepare
    const container = createContainer(settings({ tableName: undefined }));

    // Act, Assess
    expect(() => container.dossierStore).toThrow(/TABLE_NAME/);
    expect(() => container.queueUrl('postalOrders')).toThrow(/POSTAL_ORDERS_QUEUE_URL/);
  });

  it('forgets a failed asynchronous build, so that the next invocation tries again', async () => {
    // Prepare: SSM is unreachable once, then answers.
    let calls = 0;
    const secrets = async () => {
      if (++calls === 1) throw new Error('SSM unreachable');
      return 'hash-secret';
    };
    const paymentRegistry = {
      loadSettings: async (source: { secret: (name: 'VNPAY_HASH_SECRET') => Promise<string> }) => ({ providers: new Map([['vnpay', await source.secret('VNPAY_HASH_SECRET')]]), expiryMinutes: {} }),
    } as unknown as PaymentProviderRegistry;
    const container = createContainer(settings(), { secrets, paymentRegistry });

    // Act
    const first = container.paymentSettings;
    await expect(first).rejects.toThrow('SSM unreachable');
    const second = await container.paymentSettings;

    // Assess
    expect(second.providers.get('vnpay')).toBe('hash-secret');
    expect(await container.paymentSettings).toBe(second);
    expect(calls).toBe(2);
  });

  it('makes a handler that runs on in-memory fakes with no environment at all', async () => {
    // Prepare
    const dossier = dossierOwing(2_000);
    const container = createContainer(settings({ tableName: undefined, queueUrls: {} }), {
      dossierStore: new InMemoryDossierStore().add(dossier),
      portalSyncStates: new InMemorySyncStates(),
      // Only the count is read by this function; the finance store's DynamoDB side has its integration test.
      financeStore: { countOpenForDossier: async (no: string) => (no === dossier.dossierNo ? 1 : 0) } as Partial<FinanceStore> as FinanceStore,
    });
    const handler = makeGetDossier(container);
    const event = httpEvent({
      rawPath: `/v1/dossiers/${dossier.dossierNo}`,
      pathParameters: { dossierNo: dossier.dossierNo },
      headers: { origin: 'https://portal.example.vn' },
      claims: { sub: 'officer', scope: 'agency', agency: dossier.agencyCode },
    });

    // Act
    const result = await handler(event, lambdaContextStub);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!).dossierNo).toBe(dossier.dossierNo);
    expect(JSON.parse(result.body!).openFinanceExceptions).toBe(1);
    expect(result.headers?.['access-control-allow-origin']).toBe('https://portal.example.vn');
  });
});
