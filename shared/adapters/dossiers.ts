import { Queues } from '../config/resources';
import { requiredEnv, submittedAtMaxAgeDays } from '../config/env';
import { DEFAULT_SUBMISSION_WINDOW } from '../domain/dossier/register';
import { systemClock } from '../domain/time';
import type { DossierDeps } from '../use-cases/dossiers';
import { catalogueReader } from './catalogue';
import { documentClient, mainTableName } from './dynamodb/client';
import { DynamoDossierStore } from './dynamodb/dossier-store';
import { sqsClient } from './sqs/client';
import { SqsDossierEventPublisher } from './sqs/dossier-event-publisher';

let store: DynamoDossierStore | undefined;
let publisher: SqsDossierEventPublisher | undefined;

export function dossierStore(): DynamoDossierStore {
  store ??= new DynamoDossierStore(documentClient(), mainTableName());
  return store;
}

export function dossierEventPublisher(): SqsDossierEventPublisher {
  publisher ??= new SqsDossierEventPublisher(sqsClient(), requiredEnv(Queues.dossierEvents.envVar));
  return publisher;
}

/** What the dossier handlers are wired with in Lambda and in the local runtime. */
export function dossierDeps(): DossierDeps {
  return {
    store: dossierStore(),
    publisher: dossierEventPublisher(),
    catalogue: catalogueReader(),
    clock: systemClock,
    submissionWindow: { ...DEFAULT_SUBMISSION_WINDOW, maxAgeDays: submittedAtMaxAgeDays() },
  };
}
