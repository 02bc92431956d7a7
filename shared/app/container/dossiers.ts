import { integerEnv, submittedAtMaxAgeDays } from '../../platform/config/env';
import type { DossierEventPublisher, DossierListing, DossierStore, Outbox } from '../../modules/dossiers/ports';
import { DynamoDossierStore } from '../../modules/dossiers/dynamodb';
import { DynamoDossierListing } from '../../modules/dossiers/dynamodb-listing';
import { SqsDossierEventPublisher } from '../../modules/dossiers/sqs-publisher';
import { DEFAULT_SUBMISSION_WINDOW } from '../../modules/dossiers/domain/register';
import type { DossierDeps } from '../../modules/dossiers/use-cases/dossiers';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from '../../modules/dossiers/use-cases/relay-outbox';
import { base } from './base';
import { catalogue } from './catalogue';
import { dynamo } from './dynamo';
import { sqs } from './sqs';
import { definePart } from './part';

export interface DossierStoreMembers {
  readonly dossierStore: DossierStore & Outbox;
}

export const dossierStore = /* @__PURE__ */ definePart<DossierStoreMembers>()('dossierStore', [dynamo], (c, { once, tableName }) => ({
  get dossierStore() {
    return once('dossierStore', () => new DynamoDossierStore(c.documentClient, tableName()));
  },
}));

export interface DossierListingMembers {
  readonly dossierListing: DossierListing;
}

export const dossierListing = /* @__PURE__ */ definePart<DossierListingMembers>()('dossierListing', [dynamo], (c, { once, tableName }) => ({
  get dossierListing() {
    return once('dossierListing', () => new DynamoDossierListing(c.documentClient, tableName()));
  },
}));

export interface DossierEventsMembers {
  readonly dossierEvents: DossierEventPublisher;
}

export const dossierEvents = /* @__PURE__ */ definePart<DossierEventsMembers>()('dossierEvents', [base, sqs], (c, { once }) => ({
  get dossierEvents() {
    return once('dossierEvents', () => new SqsDossierEventPublisher(c.sqsClient, c.queueUrl('dossierEvents')));
  },
}));

export interface DossiersMembers {
  readonly dossierDeps: DossierDeps;
}

export const dossiers = /* @__PURE__ */ definePart<DossiersMembers>()('dossiers', [base, dossierStore, dossierEvents, catalogue], (c, { once, settings }) => ({
  get dossierDeps() {
    return once('dossierDeps', () => ({
      store: c.dossierStore,
      publisher: c.dossierEvents,
      catalogue: c.catalogue,
      clock: c.clock,
      submissionWindow: { ...DEFAULT_SUBMISSION_WINDOW, maxAgeDays: submittedAtMaxAgeDays(settings.values) },
    }));
  },
}));

export interface RelayMembers {
  readonly relaySettings: RelaySettings;
}

export const relay = /* @__PURE__ */ definePart<RelayMembers>()('relay', [], (_c, { once, settings }) => ({
  get relaySettings() {
    return once('relaySettings', () => ({
      ...DEFAULT_RELAY_SETTINGS,
      graceMs: integerEnv('OUTBOX_RELAY_GRACE_SECONDS', DEFAULT_RELAY_SETTINGS.graceMs / 1000, 0, settings.values) * 1000,
      baseDelayMs: integerEnv('OUTBOX_RELAY_BASE_DELAY_SECONDS', DEFAULT_RELAY_SETTINGS.baseDelayMs / 1000, 1, settings.values) * 1000,
    }));
  },
}));
