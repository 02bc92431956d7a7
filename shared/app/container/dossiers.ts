import { submittedAtMaxAgeDays } from '../../platform/config/env';
import type { DossierEventPublisher, DossierListing, DossierStore } from '../../modules/dossiers/ports';
import { DynamoDossierStore } from '../../modules/dossiers/dynamodb';
import { DynamoDossierListing } from '../../modules/dossiers/dynamodb-listing';
import { SqsDossierEventPublisher } from '../../modules/dossiers/sqs-publisher';
import { DEFAULT_SUBMISSION_WINDOW } from '../../modules/dossiers/domain/register';
import type { DossierDeps } from '../../modules/dossiers/use-cases/dossiers';
import { base } from './base';
import { catalogue } from './catalogue';
import { dynamo } from './dynamo';
import { sqs } from './sqs';
import { definePart } from './part';

export interface DossierStoreMembers {
  readonly dossierStore: DossierStore;
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

export const dossiers = /* @__PURE__ */ definePart<DossiersMembers>()('dossiers', [base, dossierStore, catalogue], (c, { once, settings }) => ({
  get dossierDeps() {
    return once('dossierDeps', () => ({
      store: c.dossierStore,
      catalogue: c.catalogue,
      clock: c.clock,
      submissionWindow: { ...DEFAULT_SUBMISSION_WINDOW, maxAgeDays: submittedAtMaxAgeDays(settings.values) },
    }));
  },
}));
