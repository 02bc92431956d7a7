/**
 * The single source of truth for stateful resources. The CDK stack and the local runtime both build
 * their tables and queues from these definitions, and a test proves the two agree.
 */

export type AttributeType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey: KeyDefinition;
}

export interface TableDefinition {
  /** Construct id in CDK and table name locally. */
  readonly id: string;
  /** Environment variable through which handlers receive the physical name. */
  readonly envVar: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey: KeyDefinition;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry (idempotency records, expired sessions). */
  readonly timeToLiveAttribute: string;
  /** The table's change stream, read by the functions triggered by its streams (see `Streams`). */
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

export interface QueueDefinition {
  readonly id: string;
  /** Queue name without the `.fifo` suffix; the suffix is added for FIFO queues. */
  readonly name: string;
  readonly envVar: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message is moved to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  /**
   * Alarm when the oldest message is older than this (default: visibility × receives). For a queue
   * whose messages stand for work still owed to a partner, this is "owed for too long".
   */
  readonly oldestMessageAlarmSeconds?: number;
  /** Event source mapping settings for the consumer of this queue. */
  readonly consumer: {
    readonly batchSize: number;
    readonly maxBatchingWindowSeconds: number;
  };
}

/**
 * One table, keyed by generic `pk`/`sk`, so every aggregate (catalogue, dossier, payment, delivery,
 * counters) can be read and written transactionally with the others.
 */
export const MainTable = {
  id: 'MainTable',
  envVar: 'TABLE_NAME',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    /**
     * A second view of the same rows where one item needs two partitions (an agency's dossiers of
     * all statuses beside those of one status). Add further indexes one per deployment: CloudFormation
     * creates or deletes at most one GSI per table update.
     */
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'ttl',
  /** The outbox rows' inserts are the dossier events' publication (Streams.dossierOutbox). */
  stream: 'NEW_IMAGE',
} as const satisfies TableDefinition;

export const Tables = { main: MainTable } as const satisfies Record<string, TableDefinition>;

/**
 * A function fed by a table's stream, as Lambda's event source mapping reads it: only the records the
 * filter selects, in batches, a failed record retried (bisecting the batch) `retryAttempts` times,
 * then its batch's description (shard and sequence numbers, not the items) sent to the failure queue.
 */
export interface StreamDefinition {
  readonly id: string;
  readonly table: keyof typeof Tables;
  /** Selected records: these event names, on items whose sort key starts with `skPrefix`. */
  readonly filter: { readonly eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[]; readonly sortKeyPrefix: string };
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /** Retries of a failing record before it is given up (to the failure queue); the stream keeps records 24 h. */
  readonly retryAttempts: number;
  /** The on-failure destination: a standard queue, no consumer; an alarm at its first message. */
  readonly failureQueue: { readonly id: string; readonly name: string; readonly envVar: string; readonly retentionDays: number };
}

export const Streams = {
  /**
   * Outbox rows (`OUTBOX#<event id>`) inserted with a state change, or written again by a
   * re-emission (a MODIFY), become messages on the dossier FIFO queue (PublishDossierEvents). A row's
   * TTL removal is a REMOVE, not selected.
   */
  dossierOutbox: {
    id: 'DossierOutbox',
    table: 'main',
    filter: { eventNames: ['INSERT', 'MODIFY'], sortKeyPrefix: 'OUTBOX#' },
    batchSize: 100,
    maxBatchingWindowSeconds: 0,
    retryAttempts: 8,
    failureQueue: { id: 'DossierOutboxFailures', name: 'dossier-outbox-failures', envVar: 'DOSSIER_OUTBOX_FAILURES_QUEUE_URL', retentionDays: 14 },
  },
} as const satisfies Record<string, StreamDefinition>;

export type StreamKey = keyof typeof Streams;

export const Queues = {
  /** Dossier state transitions; grouped by dossier number so one dossier's events apply in order. */
  dossierEvents: {
    id: 'DossierEvents',
    name: 'dossier-events',
    envVar: 'DOSSIER_EVENTS_QUEUE_URL',
    fifo: true,
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    retentionDays: 14,
    consumer: { batchSize: 10, maxBatchingWindowSeconds: 0 },
  },
  /** Outbound orders to the postal service; retried with backoff, never ordered. */
  postalOrders: {
    id: 'PostalOrders',
    name: 'postal-orders',
    envVar: 'POSTAL_ORDERS_QUEUE_URL',
    fifo: false,
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 8,
    retentionDays: 14,
    consumer: { batchSize: 5, maxBatchingWindowSeconds: 1 },
  },
  /**
   * Pushes to the National Public Service Portal, grouped by dossier number: one dossier's pushes in
   * order, a failing dossier holds up only itself. Retried with backoff (30 s doubling to 15 min, about
   * 1.7 h over 12 receives) before the DLQ. One message per invocation, so each push has the whole
   * function budget and Lambda scales out by group. A message older than 30 minutes means a dossier
   * has been pending that long: the alarm says so.
   */
  nationalPortalSync: {
    id: 'NationalPortalSync',
    name: 'national-portal-sync',
    envVar: 'NATIONAL_PORTAL_SYNC_QUEUE_URL',
    fifo: true,
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 12,
    retentionDays: 14,
    oldestMessageAlarmSeconds: 30 * 60,
    consumer: { batchSize: 1, maxBatchingWindowSeconds: 0 },
  },
  /** E-receipt issuance after a paid dossier (one message per dossier); retried with backoff, never ordered. */
  receiptIssuance: {
    id: 'ReceiptIssuance',
    name: 'receipt-issuance',
    envVar: 'RECEIPT_ISSUANCE_QUEUE_URL',
    fifo: false,
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 10,
    retentionDays: 14,
    consumer: { batchSize: 5, maxBatchingWindowSeconds: 1 },
  },
  /**
   * Citizen notifications (ZNS → SMS → email): sends, receipt checks and verified ZNS receipts.
   * Standard queue: the ledger row orders a notice's steps. Temporary partner errors back off
   * through the visibility timeout (30 s doubling to 15 min, ~2 h over 10 receives), then the DLQ.
   */
  notifications: {
    id: 'Notifications',
    name: 'notifications',
    envVar: 'NOTIFICATIONS_QUEUE_URL',
    fifo: false,
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 10,
    retentionDays: 14,
    consumer: { batchSize: 5, maxBatchingWindowSeconds: 1 },
  },
  /**
   * Status pushes to the portal (signed webhooks), one message per attempt: a retry due within 15
   * minutes is sent with DelaySeconds, a later one (1 h, 1 d, 2 d) waits on the table's due index for
   * the DispatchPortalWebhooks sweeper. A message fails only when the consumer cannot process it, or
   * on purpose for a delivery given up after its schedule: 5 receives, then the DLQ (its alarm is the
   * "portal unreachable for 3 days" page). Delayed messages wait up to 15 min: older than 30 means stuck.
   */
  portalWebhooks: {
    id: 'PortalWebhooks',
    name: 'portal-webhooks',
    envVar: 'PORTAL_WEBHOOKS_QUEUE_URL',
    fifo: false,
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 5,
    retentionDays: 14,
    oldestMessageAlarmSeconds: 30 * 60,
    consumer: { batchSize: 5, maxBatchingWindowSeconds: 1 },
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueKey = keyof typeof Queues;

export function queueName(queue: QueueDefinition): string {
  return queue.fifo ? `${queue.name}.fifo` : queue.name;
}

export function deadLetterQueueName(queue: QueueDefinition): string {
  return queue.fifo ? `${queue.name}-dlq.fifo` : `${queue.name}-dlq`;
}

/** Environment variable that carries a queue's dead-letter queue URL (used by redrive tooling). */
export function deadLetterEnvVar(queue: QueueDefinition): string {
  return queue.envVar.replace(/_QUEUE_URL$/, '_DLQ_URL');
}
