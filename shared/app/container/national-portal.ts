import type { NationalPortal, PortalAuditLog, PortalPushRequester, SyncStateStore } from '../../modules/national-portal/ports';
import { DynamoSyncStateStore } from '../../modules/national-portal/dynamodb';
import { LgspNationalPortal } from '../../modules/national-portal/lgsp-adapter';
import { sqsPortalPushRequester } from '../../modules/national-portal/sqs-requester';
import { loadNationalPortalSettings, pushBackoffBaseSeconds } from '../../modules/national-portal/settings';
import type { PushDeps, RequestDeps } from '../../modules/national-portal/use-cases/sync';
import { base } from './base';
import { dynamo } from './dynamo';
import { sqs } from './sqs';
import { secrets } from './secrets';
import { dossierStore } from './dossiers';
import { catalogue } from './catalogue';
import { definePart } from './part';

export interface PortalSyncStatesMembers {
  /** Where each dossier stands with the national portal, and the KPI counters (also the audit log). */
  readonly portalSyncStates: SyncStateStore & PortalAuditLog;
}

/** Read-only users (GET dossier, KPI report) need this part alone. */
export const portalSyncStates = /* @__PURE__ */ definePart<PortalSyncStatesMembers>()('portalSyncStates', [dynamo], (c, { once, tableName }) => ({
  get portalSyncStates() {
    return once('portalSyncStates', () => new DynamoSyncStateStore(c.documentClient, tableName()));
  },
}));

export interface PortalPushRequestsMembers {
  readonly portalPushRequests: RequestDeps;
}

/** What the dossier reaction and `portal:resync` use: record the lag, queue a push. */
export const portalPushRequests = /* @__PURE__ */ definePart<PortalPushRequestsMembers>()('portalPushRequests', [base, sqs, portalSyncStates], (c, { once }) => ({
  get portalPushRequests() {
    return once('portalPushRequests', (): RequestDeps => {
      const send: PortalPushRequester = sqsPortalPushRequester(c.sqsClient, c.queueUrl('nationalPortalSync'));
      return { syncStates: c.portalSyncStates, requestPush: send, clock: c.clock };
    });
  },
}));

export interface NationalPortalMembers {
  /** The LGSP adapter, with its session cache: one per container. */
  readonly nationalPortal: Promise<NationalPortal>;
  readonly portalPushDeps: Promise<PushDeps>;
  /** First backoff of a failed push (NATIONAL_PORTAL_BACKOFF_BASE_SECONDS [30]), doubling per receive. */
  readonly portalPushBackoffBaseSeconds: number;
}

/** The consumer that talks to the portal. */
export const nationalPortal = /* @__PURE__ */ definePart<NationalPortalMembers>()('nationalPortal', [base, secrets, dossierStore, portalSyncStates, catalogue], (c, { once, settings }) => ({
  get nationalPortal() {
    return once('nationalPortal', async (): Promise<NationalPortal> => {
      const s = await loadNationalPortalSettings(c.settingsSource);
      return new LgspNationalPortal(s);
    });
  },
  get portalPushDeps() {
    return once('portalPushDeps', async (): Promise<PushDeps> => ({ syncStates: c.portalSyncStates, dossiers: c.dossierStore, portal: await c.nationalPortal, audit: c.portalSyncStates, procedures: c.catalogue, clock: c.clock }));
  },
  get portalPushBackoffBaseSeconds() {
    return once('portalPushBackoffBaseSeconds', () => pushBackoffBaseSeconds(settings.values));
  },
}));
