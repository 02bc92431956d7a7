import { Queues } from '../../platform/config/resources';
import { requiredEnv, submittedAtMaxAgeDays } from '../../platform/config/env';
import { DEFAULT_SUBMISSION_WINDOW } from '../../modules/dossiers/domain/register';
import { systemClock } from '../../platform/kernel/time';
import type { DossierDeps } from '../../modules/dossiers/use-cases/dossiers';
import { catalogueReader } from './catalogue';
import { documentClient, mainTableName } from '../../platform/dynamodb/client';
import { DynamoDossierStore } from '../../modules/dossiers/dynamodb';
import { sqsClient } from '../../platform/sqs/client';
import { SqsDossierEventPublisher } from '../../modules/dossiers/sqs-publisher';

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
