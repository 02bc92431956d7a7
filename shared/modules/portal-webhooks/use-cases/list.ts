import type { Principal } from '../../../platform/http/principal';
import { ForbiddenError } from '../../../platform/kernel/errors';
import { visibleDossier, type DossierStore } from '../../dossiers';
import type { WebhookDelivery } from '../domain/delivery';
import type { PortalWebhookEvent } from '../domain/event';
import type { WebhookDeliveryStore } from '../ports';
import type { WebhookDeliveryView } from '../api/schemas';

export interface ListDeps {
  readonly store: Pick<WebhookDeliveryStore, 'listByDossier'>;
  readonly dossiers: DossierStore;
}

export function deliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return {
    webhookId: d.webhookId,
    dossierNo: d.dossierNo,
    sequence: d.sequence,
    type: d.type,
    status: d.status,
    event: JSON.parse(d.body) as PortalWebhookEvent,
    attempts: d.attempts.map((a) => ({ ...a })),
    ...(d.status === 'scheduled' && d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
    ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
    ...(d.gaveUpAt ? { gaveUpAt: d.gaveUpAt } : {}),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/**
 * GET /v1/webhook-deliveries?dossierNo=: the pushes of one dossier of the caller's own agency, in the
 * order of its changes, a page at a time. Another agency's dossier answers 404, as an unknown one.
 */
export async function listWebhookDeliveries(
  deps: ListDeps,
  principal: Principal,
  query: { readonly dossierNo: string; readonly limit: number; readonly cursor?: string },
): Promise<{ items: WebhookDeliveryView[]; nextCursor?: string }> {
  if (principal.kind !== 'agency') throw new ForbiddenError("Only an agency reads its dossiers' webhook deliveries");
  await visibleDossier(deps.dossiers, principal, query.dossierNo);
  const page = await deps.store.listByDossier(query.dossierNo, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { items: page.items.map(deliveryView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
