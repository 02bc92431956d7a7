import type { DossierReaction } from '../../modules/dossiers';
import { dossierReactions as appReactions } from '../reactions';
import { base } from './base';
import { postalOrders } from './deliveries';
import { paymentStore } from './payments';
import { portalPushRequests } from './national-portal';
import { receiptRequests } from './receipts';
import { noticeRequests } from './notifications';
import { deliveries } from './deliveries';
import { financeStore } from './finance';
import { webhookRequests } from './portal-webhooks';
import { definePart } from './part';

export interface ReactionsMembers {
  /** What follows an applied dossier event (shared/app/reactions.ts); tests add fake ones. */
  readonly dossierReactions: readonly DossierReaction[];
}

/** Built from the full reactions' dependencies: the consumer that runs them carries what they use. */
export const reactions = /* @__PURE__ */ definePart<ReactionsMembers>()('reactions', [base, postalOrders, paymentStore, portalPushRequests, receiptRequests, noticeRequests, deliveries, financeStore, webhookRequests], (c, { once }) => ({
  get dossierReactions() {
    return once('dossierReactions', () => appReactions(c));
  },
}));
