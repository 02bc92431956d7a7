import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { silenceSdkNodeVersionWarning } from '../../local/quiet-warnings';
import { REPO_ROOT, UNITS_DATA_DIR, startLocalRuntime } from '../../local/runtime';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dynamoDbEndpoint: string;
    sqsEndpoint: string;
    tableName: string;
    dossierEventsQueueUrl: string;
    dossierEventsDlqUrl: string;
    postalOrdersQueueUrl: string;
    postalOrdersDlqUrl: string;
    nationalPortalSyncQueueUrl: string;
    nationalPortalSyncDlqUrl: string;
    dossierOutboxFailuresUrl: string;
  }
}

/** One local runtime for all integration files: DynamoDB Local, the SQS emulator, the API. */
export default async function setup(project: TestProject) {
  silenceSdkNodeVersionWarning();
  const runtime = await startLocalRuntime({
    // Postal-order retries back off from 1 s instead of 30 s, so the DLQ path runs in seconds.
    settings: { POSTAL_ORDER_BACKOFF_BASE_SECONDS: '1', NATIONAL_PORTAL_BACKOFF_BASE_SECONDS: '1', NATIONAL_PORTAL_SYNC_MAX_RECEIVES: '5', NOTIFICATION_QUIET_HOURS: 'off', NOTIFICATION_BACKOFF_BASE_SECONDS: '1', PORTAL_WEBHOOK_RETRY_SCHEDULE: '1,1,1,1,1' },
    port: 0,
    seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'),
    unitsDir: UNITS_DATA_DIR,
    corsOrigins: ['https://portal.example.vn'],
    pollWaitSeconds: 1,
    logLevel: 'SILENT',
    // Failed messages come back after 2 s instead of 60, so a poison message reaches the DLQ in ~10 s.
    queueOverrides: { dossierEvents: { visibilityTimeoutSeconds: 2 }, postalOrders: { visibilityTimeoutSeconds: 2, maxReceiveCount: 3 }, nationalPortalSync: { visibilityTimeoutSeconds: 2, maxReceiveCount: 5 }, notifications: { visibilityTimeoutSeconds: 2 }, portalWebhooks: { visibilityTimeoutSeconds: 2 } },
    scheduleIntervalMs: 0,
  });
  project.provide('baseUrl', runtime.baseUrl);
  project.provide('dynamoDbEndpoint', runtime.dynamoDbEndpoint);
  project.provide('sqsEndpoint', runtime.sqsEndpoint);
  project.provide('tableName', runtime.tableName);
  project.provide('dossierEventsQueueUrl', runtime.queues.dossierEvents.url);
  project.provide('dossierEventsDlqUrl', runtime.queues.dossierEvents.deadLetterUrl);
  project.provide('postalOrdersQueueUrl', runtime.queues.postalOrders.url);
  project.provide('postalOrdersDlqUrl', runtime.queues.postalOrders.deadLetterUrl);
  project.provide('nationalPortalSyncQueueUrl', runtime.queues.nationalPortalSync.url);
  project.provide('nationalPortalSyncDlqUrl', runtime.queues.nationalPortalSync.deadLetterUrl);
  project.provide('dossierOutboxFailuresUrl', runtime.streamFailureQueues.dossierOutbox.url);
  return () => runtime.stop();
}
