import { describe, expect, it } from 'vitest';
import { listWebhookDeliveries } from '../../../../../../shared/modules/portal-webhooks/use-cases/list';
import { requestPortalWebhook } from '../../../../../../shared/modules/portal-webhooks/use-cases/request';
import { WebhookDeliveryListSchema } from '../../../../../../shared/modules/portal-webhooks/api/schemas';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import { ForbiddenError, NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';
import { InMemoryWebhookDeliveryStore, RecordingWebhookQueue, ScriptedPortal, SteppingClock } from '../../../../../fakes/portal-webhooks';
import { deliverWebhook } from '../../../../../../shared/modules/portal-webhooks/use-cases/deliver';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../../../../../../shared/modules/portal-webhooks/domain/retry-schedule';

async function setup() {
  const registered = event('DossierRegistered', { channel: 'online', feesTotal: 50_000 });
  const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 50_000, paidAt: T0.toISOString() });
  const dossier = applyDossierEvent(dossierOwing(50_000, { agencyCode: 'HP-STP' }), paid, T0).dossier;
  const dossiers = new InMemoryDossierStore().add(dossier);
  const store = new InMemoryWebhookDeliveryStore();
  const queue = new RecordingWebhookQueue();
  await requestPortalWebhook({ queue }, dossier, registered);
  await requestPortalWebhook({ queue }, dossier, paid);
  // Each first attempt is refused: the log holds both, scheduled for a retry.
  const deps = { store, queue, endpoint: new ScriptedPortal([503, 503]), settings: { defaultUrl: 'https://portal.gov.vn/hooks', agencyUrls: {}, timeoutMs: 10_000, schedule: DEFAULT_RETRY_SCHEDULE_SECONDS }, secrets: async () => ['whsec'], clock: new SteppingClock(T0) };
  for (const { message } of queue.take()) await deliverWebhook(deps, message, T0);
  return { store, dossiers };
}

describe('Use case: list webhook deliveries', () => {
  it("the dossier's agency reads its pushes in the order of the changes, page by page", async () => {
    const { store, dossiers } = await setup();
    const first = await listWebhookDeliveries({ store, dossiers }, { kind: 'agency', agencyCode: 'HP-STP' }, { dossierNo: 'H31-0001', limit: 1 });
    expect(first.items.map((d) => [d.sequence, d.type, d.status])).toEqual([[2, 'dossier.status_changed', 'scheduled']]);
    expect(first.items[0]!.event).toMatchObject({ status: 'AWAITING_PAYMENT', previousStatus: null });
    const second = await listWebhookDeliveries({ store, dossiers }, { kind: 'agency', agencyCode: 'HP-STP' }, { dossierNo: 'H31-0001', limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.sequence)).toEqual([3]);
    expect(second.nextCursor).toBeUndefined();
    expect(WebhookDeliveryListSchema.parse(second)).toEqual(second);
  });

  it("another agency cannot read them: 404, as for a dossier that does not exist", async () => {
    const { store, dossiers } = await setup();
    await expect(listWebhookDeliveries({ store, dossiers }, { kind: 'agency', agencyCode: 'HP-SYT' }, { dossierNo: 'H31-0001', limit: 20 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listWebhookDeliveries({ store, dossiers }, { kind: 'agency', agencyCode: 'HP-STP' }, { dossierNo: 'H31-9999', limit: 20 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the citizen is refused: the log is the agency’s', async () => {
    const { store, dossiers } = await setup();
    await expect(listWebhookDeliveries({ store, dossiers }, { kind: 'citizen', citizenId: '031099012345' }, { dossierNo: 'H31-0001', limit: 20 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
