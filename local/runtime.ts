import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { createContainer, type Container } from '../shared/app/container';
import { Functions, type FunctionDefinition, type HttpFunction, type QueueFunction, type ScheduledFunction, type StreamFunction } from '../shared/app/functions';
import type { Settings } from '../shared/app/settings';
import type { SettingValues } from '../shared/platform/config/env';
import { deadLetterQueueName, MainTable, queueName, Queues, Streams, type QueueDefinition, type QueueKey, type StreamDefinition, type StreamKey } from '../shared/platform/config/resources';
import { logger } from '../shared/platform/observability/logger';
import { DynamoCatalogueRepository } from '../shared/modules/catalogue/dynamodb';
import { validateCatalogue } from '../shared/modules/catalogue/use-cases/validate-catalogue';
import { LocalApiGateway } from './api-gateway';
import { DevTokenIssuer } from './dev-tokens';
import { devTokenRoute } from './dev-token-route';
import { localCredentials, LOCAL_REGION } from './emulators/credentials';
import { startDynamoDbLocal, type DynamoDbLocal } from './emulators/dynamodb-local';
import { startSqsLocal, type SqsLocal } from './emulators/sqs-local';
import { ensureFailureQueue, ensureQueue, ensureTable, type ProvisionedQueue } from './provision';
import { DynamoDbStreamSource } from './dynamodb-stream-source';
import { everyInterval } from './schedule';
import { keepQueueSnapshot, restoreQueueSnapshot, saveQueueSnapshot } from './queue-snapshot';
import { SqsEventSource } from './sqs-event-source';
import { lambdaContext } from './lambda-context';
import { writeRuntimeInfo } from './runtime-info';
import { portalDemoRoutes } from './sandboxes/portal-page';
import { postOfficeSandboxFor } from './sandboxes/post-offices';
import { loadAdministrativeUnitsIfEmpty, secondsSince, type StartProgress } from './units-seed';
import { backfillDossierListings } from '../shared/modules/dossiers/listing-backfill';
import { paymentSandboxRoutes } from './sandboxes/payment-sandboxes';
import { sandboxSettings } from './sandboxes/settings';
import { localSettings } from './local-settings';
import { notificationSandbox, notificationSandboxCredentials, SES_SANDBOX_PREFIX } from './sandboxes/notification-sandbox';
import { NationalPortalSandbox, nationalPortalRoutes } from './sandboxes/national-portal';
import { receiptProviderSandbox, type ReceiptProviderState } from './sandboxes/receipt-provider';
import { PortalWebhookReceiver, portalWebhookRoutes, portalWebhookSecrets } from './sandboxes/portal-webhook-receiver';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The official administrative-unit lists given beside the repository (not copied into it). */
/** The official 2025 administrative units shipped with the project. */
export const UNITS_DATA_DIR = resolve(REPO_ROOT, 'data/units');

export interface LocalRuntimeOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Folder that keeps tables, queued messages and the dev signing key; undefined keeps nothing. */
  readonly dataDir?: string;
  /** Catalogue file imported when the catalogue is empty. */
  readonly seedCatalogue?: string;
  readonly corsOrigins?: readonly string[];
  readonly functions?: readonly FunctionDefinition[];
  /** Long-poll wait of the queue consumers (Lambda uses 20 s). */
  readonly pollWaitSeconds?: number;
  /** Changes to queue settings for tests that cannot wait a real visibility timeout. */
  readonly queueOverrides?: Partial<Record<QueueKey, Partial<Pick<QueueDefinition, 'visibilityTimeoutSeconds' | 'maxReceiveCount'>>>>;
  /** Changes to stream settings for tests that cannot wait for a record's every retry. */
  readonly streamOverrides?: Partial<Record<StreamKey, Partial<Pick<StreamDefinition, 'retryAttempts'>>>>;
  /** Runs scheduled functions this often instead of their schedule; 0 runs them never. */
  readonly scheduleIntervalMs?: number;
  /** Folder with the official provinces/communes CSVs, imported when no list is loaded. */
  readonly unitsDir?: string;
  /** The sandbox post office moves every parcel one step this often (demos); off when absent. */
  readonly postOfficeAutoAdvanceMs?: number;
  readonly logLevel?: string;
  /**
   * The operator's own settings by name (`npm start` passes its environment): provider settings and
   * secrets that replace the sandbox defaults, and tunables such as OUTBOX_RELAY_GRACE_SECONDS. The
   * runtime never writes them anywhere global: two runtimes in one process each have their own.
   */
  readonly settings?: SettingValues;
  /** Told of each step of the start as it happens (`npm start` prints them; loading the units takes longest). */
  readonly onProgress?: StartProgress;
  /** Told of every handler invocation with its wall time (the bench meters a lifecycle with it). */
  readonly onInvocation?: (functionName: string, ms: number) => void;
}

export interface LocalRuntime {
  readonly baseUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly tableName: string;
  readonly queues: Readonly<Record<QueueKey, ProvisionedQueue>>;
  /** Each table stream's failure queue (Lambda's on-failure destination). */
  readonly streamFailureQueues: Readonly<Record<StreamKey, { url: string; arn: string }>>;
  readonly tokens: DevTokenIssuer;
  /** The container every handler of this runtime was made with (its own clients, stores, settings). */
  readonly container: Container;
  /** The sandbox e-receipt provider (VNPT-style): what it issued, and switches for tests. */
  readonly receiptProvider: ReceiptProviderState;
  stop(): Promise<void>;
}

/** The function module's handler made with this runtime's container, as Lambda would run it with its own. */
async function loadHandler<T>(fn: FunctionDefinition, container: Container, observe?: (functionName: string, ms: number) => void): Promise<T> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, fn.entry)).href)) as { makeHandler?: (container: Container) => T };
  if (typeof module.makeHandler !== 'function') throw new Error(`${fn.entry} does not export makeHandler(container)`);
  const handler = module.makeHandler(container);
  if (!observe || typeof handler !== 'function') return handler;
  return (async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await (handler as (...a: unknown[]) => Promise<unknown>)(...args);
    } finally {
      observe(fn.name, performance.now() - started);
    }
  }) as T;
}

async function seedCatalogueIfEmpty(client: DynamoDBDocumentClient, file: string, progress: StartProgress): Promise<void> {
  const repository = new DynamoCatalogueRepository(client, MainTable.id);
  const existing = await repository.listProcedures({ limit: 1 });
  if (existing.items.length > 0) return progress('  catalogue: already loaded');
  const started = performance.now();
  const catalogue = validateCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  progress(`  catalogue: loading ${catalogue.procedures.length} procedures from ${basename(file)}…`);
  await repository.saveCatalogue(catalogue);
  progress(`  catalogue: ${catalogue.procedures.length} procedures, ${catalogue.agencies.length} agencies loaded (${secondsSince(started)})`);
}

/**
 * Starts the whole system on one machine: DynamoDB Local and the SQS emulator, the tables and queues
 * of the CDK stack, the HTTP API in front of the deployed handler modules, and every queue consumer.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const progress = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const [dynamo, sqs] = await Promise.all([startDynamoDbLocal(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}), startSqsLocal()]);
  const stoppers: Array<() => Promise<void>> = [() => sqs.stop(), () => dynamo.stop()];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  };
  try {
    const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: localCredentials });
    const sqsClient = new SQSClient({ endpoint: sqs.endpoint, region: LOCAL_REGION, credentials: localCredentials });
    progress(`  emulators up (${secondsSince(started)})`);
    const table = await ensureTable(dynamoClient, MainTable);
    const queues = {} as Record<QueueKey, ProvisionedQueue>;
    for (const key of Object.keys(Queues) as QueueKey[]) {
      queues[key] = await ensureQueue(sqsClient, { ...Queues[key], ...options.queueOverrides?.[key] });
    }
    const streamFailureQueues = {} as Record<StreamKey, { url: string; arn: string }>;
    for (const key of Object.keys(Streams) as StreamKey[]) streamFailureQueues[key] = await ensureFailureQueue(sqsClient, Streams[key].failureQueue);
    // Every queue whose messages outlive a restart: the queues, their DLQs and the streams' failure queues.
    const urls: Record<string, string> = Object.fromEntries([
      ...(Object.keys(Queues) as QueueKey[]).flatMap((k) => [
        [queueName(Queues[k]), queues[k].url],
        [deadLetterQueueName(Queues[k]), queues[k].deadLetterUrl],
      ]),
      ...(Object.keys(Streams) as StreamKey[]).map((k) => [Streams[k].failureQueue.name, streamFailureQueues[k].url]),
    ]);
    const queueNames = Object.keys(urls);
    if (options.dataDir) {
      await restoreQueueSnapshot(sqsClient, urls, options.dataDir);
      const dataDir = options.dataDir;
      const stopKeeping = keepQueueSnapshot(sqs.server, queueNames, dataDir);
      stoppers.unshift(async () => stopKeeping());
    }
    // Observability keeps its own process-wide convention (Powertools): the level is the logger's, not the container's.
    if (options.logLevel) logger.pinLogLevel(options.logLevel as LogLevel);

    const tokens = await DevTokenIssuer.create(options.dataDir);
    const reportError = (error: unknown) => console.error('[local runtime]', error);
    const gateway = new LocalApiGateway({
      port: options.port,
      corsOrigins: options.corsOrigins ?? [],
      verifyToken: (token) => tokens.verify(token),
      onInvocationError: reportError,
      startsClosed: true,
    });
    const functions = options.functions ?? Functions;
    gateway.addLocalRoute(devTokenRoute(tokens));
    let baseUrl = '';
    const sandbox = sandboxSettings(options.settings ?? {});
    const receiptProvider = receiptProviderSandbox();
    for (const route of [
      // The e-receipt provider (VNPT-style SOAP) and its receipts' PDFs.
      ...receiptProvider.routes,
      ...paymentSandboxRoutes(() => baseUrl, sandbox),
      // The walkable demo portal (/demo) and the project's own payment return page.
      ...portalDemoRoutes,
      // The National Public Service Portal behind its LGSP (one per runtime).
      ...nationalPortalRoutes(new NationalPortalSandbox()),
      // The portal's end of our signed status pushes (the default PORTAL_WEBHOOK_URL), one per runtime.
      ...portalWebhookRoutes(new PortalWebhookReceiver(portalWebhookSecrets(options.settings ?? {}))),
    ]) {
      gateway.addLocalRoute(route);
    }
    const postOffice = postOfficeSandboxFor(options.settings ?? {})?.({
      secret: sandbox.postalWebhookSecrets[0]!,
      webhookUrl: () => `${baseUrl}/v1/callbacks/postal`,
      ...(options.postOfficeAutoAdvanceMs ? { autoAdvanceMs: options.postOfficeAutoAdvanceMs } : {}),
    });
    for (const route of postOffice?.routes ?? []) gateway.addLocalRoute(route);
    if (postOffice) stoppers.unshift(async () => postOffice.stop());
    // Zalo ZNS, eSMS and SES in one sandbox phone network; it posts signed ZNS receipts to our webhook.
    const notifications = notificationSandbox({ ...notificationSandboxCredentials(options.settings ?? {}), webhookUrl: () => `${baseUrl}/v1/callbacks/zalo` });
    for (const route of notifications.routes) gateway.addLocalRoute(route);
    stoppers.unshift(async () => notifications.stop());
    baseUrl = await gateway.listen();
    stoppers.unshift(() => gateway.close());
    // Listening first: the providers' settings point at this runtime's own sandboxes.
    const settings: Settings = localSettings({
      operator: options.settings ?? {},
      baseUrl,
      sandbox,
      corsOrigins: options.corsOrigins ?? [],
      aws: { region: LOCAL_REGION, credentials: localCredentials, endpoints: { dynamodb: dynamo.endpoint, sqs: sqs.endpoint, ses: `${baseUrl}${SES_SANDBOX_PREFIX}` } },
      tableName: MainTable.id,
      queueUrls: Object.fromEntries(Object.entries(queues).map(([key, queue]) => [key, queue.url])),
    });
    const container = createContainer(settings);
    if (options.seedCatalogue) await seedCatalogueIfEmpty(container.documentClient, options.seedCatalogue, progress);
    if (options.unitsDir) await loadAdministrativeUnitsIfEmpty(container.documentClient, MainTable.id, options.unitsDir, progress);
    // A data folder older than the dossier lists: list its dossiers (the operator's dossiers:reindex).
    if (table.addedIndexes.length > 0) await backfillDossierListings(container.documentClient, MainTable.id);
    for (const fn of functions.filter((f): f is HttpFunction => f.trigger.kind === 'http')) {
      gateway.addLambda(fn, await loadHandler(fn, container, options.onInvocation));
    }

    for (const fn of functions.filter((f): f is QueueFunction => f.trigger.kind === 'queue')) {
      const definition = Queues[fn.trigger.queue];
      const source = new SqsEventSource(sqsClient, await loadHandler(fn, container, options.onInvocation), {
        functionName: fn.name,
        queueUrl: queues[fn.trigger.queue].url,
        queueArn: queues[fn.trigger.queue].arn,
        batchSize: definition.consumer.batchSize,
        maxBatchingWindowSeconds: definition.consumer.maxBatchingWindowSeconds,
        timeoutSeconds: fn.timeoutSeconds ?? 10,
        waitTimeSeconds: options.pollWaitSeconds ?? 20,
        region: LOCAL_REGION,
        onError: reportError,
      });
      source.start();
      stoppers.unshift(() => source.stop());
    }

    // The table's stream feeds its functions as Lambda's event source mapping would (filter, retries, failure queue).
    const streamFunctions = functions.filter((f): f is StreamFunction => f.trigger.kind === 'stream');
    if (streamFunctions.length > 0) {
      const streamArn = (await dynamoClient.send(new DescribeTableCommand({ TableName: MainTable.id }))).Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`Table ${MainTable.id} has no stream`);
      const streamsClient = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: localCredentials });
      for (const fn of streamFunctions) {
        const definition = { ...Streams[fn.trigger.stream], ...options.streamOverrides?.[fn.trigger.stream] };
        const source = new DynamoDbStreamSource(streamsClient, sqsClient, await loadHandler(fn, container, options.onInvocation), {
          functionName: fn.name,
          streamArn,
          filter: definition.filter,
          sortKeyName: MainTable.sortKey.name,
          batchSize: definition.batchSize,
          retryAttempts: definition.retryAttempts,
          timeoutSeconds: fn.timeoutSeconds ?? 10,
          region: LOCAL_REGION,
          failureQueueUrl: streamFailureQueues[fn.trigger.stream].url,
          ...(options.dataDir
            ? { checkpointFile: join(options.dataDir, 'stream-checkpoints.json'), beforeCheckpoint: () => saveQueueSnapshot(sqs.server, queueNames, options.dataDir!) }
            : {}),
          onError: reportError,
        });
        source.start();
        stoppers.unshift(() => source.stop());
      }
    }

    // Every HTTP function and consumer is loaded: the API is up. Before the runtime info is written,
    // which is how tools and tests learn the runtime is ready (scheduled functions need no route).
    gateway.open();

    if (options.dataDir) {
      const removeInfo = writeRuntimeInfo(options.dataDir, {
        baseUrl,
        dynamoDbEndpoint: dynamo.endpoint,
        sqsEndpoint: sqs.endpoint,
        tableName: MainTable.id,
        queues,
        streamFailureQueues,
      });
      stoppers.unshift(async () => removeInfo());
    }

    for (const fn of functions.filter((f): f is ScheduledFunction => f.trigger.kind === 'schedule')) {
      const interval = options.scheduleIntervalMs ?? fn.trigger.everyMinutes * 60_000;
      if (interval <= 0) continue;
      const handler = await loadHandler<(event: unknown, context: unknown) => Promise<unknown>>(fn, container, options.onInvocation);
      const stop = everyInterval(interval, () => {
        const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString(), detail: {} };
        return handler(event, lambdaContext(fn.name, fn.timeoutSeconds ?? 10));
      }, reportError);
      stoppers.unshift(async () => stop());
    }

    const count = (kind: FunctionDefinition['trigger']['kind']) => functions.filter((f) => f.trigger.kind === kind).length;
    progress(`  ${count('http')} HTTP functions, ${count('queue')} queue consumers, ${count('stream')} stream consumers, ${count('schedule')} scheduled functions running (${secondsSince(started)} in all)`);
    return {
      baseUrl,
      dynamoDbEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      tableName: MainTable.id,
      queues,
      streamFailureQueues,
      tokens,
      container,
      receiptProvider: receiptProvider.state,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
