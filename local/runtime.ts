import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Functions, type FunctionDefinition, type HttpFunction, type QueueFunction, type ScheduledFunction } from '../shared/app/functions';
import { deadLetterEnvVar, deadLetterQueueName, MainTable, queueName, Queues, type QueueDefinition, type QueueKey } from '../shared/platform/config/resources';
import { DynamoCatalogueRepository } from '../shared/modules/catalogue/dynamodb';
import { validateCatalogue } from '../shared/modules/catalogue/use-cases/validate-catalogue';
import { LocalApiGateway } from './api-gateway';
import { DevTokenIssuer } from './dev-tokens';
import { devTokenRoute } from './dev-token-route';
import { localCredentials, LOCAL_REGION } from './emulators/credentials';
import { startDynamoDbLocal, type DynamoDbLocal } from './emulators/dynamodb-local';
import { startSqsLocal, type SqsLocal } from './emulators/sqs-local';
import { ensureQueue, ensureTable, type ProvisionedQueue } from './provision';
import { keepQueueSnapshot, restoreQueueSnapshot } from './queue-snapshot';
import { SqsEventSource } from './sqs-event-source';
import { lambdaContext } from './lambda-context';
import { writeRuntimeInfo } from './runtime-info';
import { portalReturnRoute } from './sandboxes/portal-page';
import { postOfficeSandbox } from './sandboxes/post-office';
import { loadAdministrativeUnitsIfEmpty } from './units-seed';
import { vietqrSandboxRoutes } from './sandboxes/vietqr-sandbox';
import { vnpaySandboxRoutes } from './sandboxes/vnpay-sandbox';
import { sandboxSettings, type SandboxSettings } from './sandboxes/settings';

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
  /** Runs scheduled functions this often instead of their schedule; 0 runs them never. */
  readonly scheduleIntervalMs?: number;
  /** Folder with the official provinces/communes CSVs, imported when no list is loaded. */
  readonly unitsDir?: string;
  /** The sandbox post office moves every parcel one step this often (demos); off when absent. */
  readonly postOfficeAutoAdvanceMs?: number;
  readonly logLevel?: string;
}

export interface LocalRuntime {
  readonly baseUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly tableName: string;
  readonly queues: Readonly<Record<QueueKey, ProvisionedQueue>>;
  readonly tokens: DevTokenIssuer;
  stop(): Promise<void>;
}

/** Points the SDK in every handler module at the emulators, as Lambda's environment would at AWS. */
function configureHandlerEnvironment(options: LocalRuntimeOptions, dynamo: DynamoDbLocal, sqs: SqsLocal, queues: Record<string, ProvisionedQueue>) {
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    [MainTable.envVar]: MainTable.id,
    CORS_ALLOWED_ORIGINS: (options.corsOrigins ?? []).join(','),
    POWERTOOLS_SERVICE_NAME: 'toantrinh',
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
    STAGE: 'local',
  });
  for (const [key, queue] of Object.entries(queues)) {
    const definition = Queues[key as QueueKey];
    process.env[definition.envVar] = queue.url;
    process.env[deadLetterEnvVar(definition)] = queue.deadLetterUrl;
  }
}

/** The providers' settings point at the sandboxes served by this runtime, unless set explicitly. */
function configureProviderEnvironment(baseUrl: string, sandbox: SandboxSettings): void {
  const defaults: Record<string, string> = {
    VNPAY_TMN_CODE: sandbox.vnpayTmnCode,
    VNPAY_HASH_SECRET: sandbox.vnpayHashSecret,
    VNPAY_PAYMENT_URL: `${baseUrl}/sandbox/vnpay/pay`,
    VNPAY_API_URL: `${baseUrl}/sandbox/vnpay/merchant_webapi/api/transaction`,
    VNPAY_RETURN_URL: `${baseUrl}/v1/callbacks/vnpay/return`,
    // Payments may return to the portal origins and to this runtime's own sandbox portal page.
    PAYMENT_RETURN_ORIGINS: [process.env.CORS_ALLOWED_ORIGINS ?? '', baseUrl].filter(Boolean).join(','),
    VIETQR_WEBHOOK_SECRETS: sandbox.vietqrWebhookSecrets.join(','),
    VIETQR_BANK_BIN: '970415',
    VIETQR_ACCOUNT_NO: '113366668888',
    VIETQR_ACCOUNT_NAME: 'KHO BAC NHA NUOC (SANDBOX)',
    POSTAL_WEBHOOK_SECRETS: sandbox.postalWebhookSecrets.join(','),
    POSTAL_API_URL: `${baseUrl}/sandbox/postal/api`,
    POSTAL_API_USERNAME: 'toantrinh',
    POSTAL_API_PASSWORD: 'sandbox',
  };
  for (const [name, value] of Object.entries(defaults)) {
    if (!process.env[name] || setByRuntime.has(name)) {
      process.env[name] = value;
      setByRuntime.add(name);
    }
  }
}

/** Settings this module filled in, so that a restarted runtime in the same process refreshes them. */
const setByRuntime = new Set<string>();

async function loadHandler<T>(fn: FunctionDefinition): Promise<T> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, fn.entry)).href)) as { handler?: T };
  if (typeof module.handler !== 'function') throw new Error(`${fn.entry} does not export a handler function`);
  return module.handler;
}

async function seedCatalogueIfEmpty(client: DynamoDBDocumentClient, file: string): Promise<void> {
  const repository = new DynamoCatalogueRepository(client, MainTable.id);
  const existing = await repository.listProcedures({ limit: 1 });
  if (existing.items.length > 0) return;
  await repository.saveCatalogue(validateCatalogue(JSON.parse(readFileSync(file, 'utf8'))));
}

/**
 * Starts the whole system on one machine: DynamoDB Local and the SQS emulator, the tables and queues
 * of the CDK stack, the HTTP API in front of the deployed handler modules, and every queue consumer.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const [dynamo, sqs] = await Promise.all([startDynamoDbLocal(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}), startSqsLocal()]);
  const stoppers: Array<() => Promise<void>> = [() => sqs.stop(), () => dynamo.stop()];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  };
  try {
    const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: localCredentials });
    const sqsClient = new SQSClient({ endpoint: sqs.endpoint, region: LOCAL_REGION, credentials: localCredentials });
    await ensureTable(dynamoClient, MainTable);
    const queues = {} as Record<QueueKey, ProvisionedQueue>;
    for (const key of Object.keys(Queues) as QueueKey[]) {
      queues[key] = await ensureQueue(sqsClient, { ...Queues[key], ...options.queueOverrides?.[key] });
    }
    const queueNames = Object.values(Queues).flatMap((q) => [queueName(q), deadLetterQueueName(q)]);
    if (options.dataDir) {
      const urls = Object.fromEntries(
        (Object.keys(Queues) as QueueKey[]).flatMap((k) => [
          [queueName(Queues[k]), queues[k].url],
          [deadLetterQueueName(Queues[k]), queues[k].deadLetterUrl],
        ]),
      );
      await restoreQueueSnapshot(sqsClient, urls, options.dataDir);
      const dataDir = options.dataDir;
      const stopKeeping = keepQueueSnapshot(sqs.server, queueNames, dataDir);
      stoppers.unshift(async () => stopKeeping());
    }
    configureHandlerEnvironment(options, dynamo, sqs, queues);
    const documents = DynamoDBDocumentClient.from(dynamoClient, { marshallOptions: { removeUndefinedValues: true } });
    if (options.seedCatalogue) await seedCatalogueIfEmpty(documents, options.seedCatalogue);
    if (options.unitsDir) await loadAdministrativeUnitsIfEmpty(documents, MainTable.id, options.unitsDir);

    const tokens = await DevTokenIssuer.create(options.dataDir);
    const reportError = (error: unknown) => console.error('[local runtime]', error);
    const gateway = new LocalApiGateway({
      port: options.port,
      corsOrigins: options.corsOrigins ?? [],
      verifyToken: (token) => tokens.verify(token),
      onInvocationError: reportError,
    });
    const functions = options.functions ?? Functions;
    for (const fn of functions.filter((f): f is HttpFunction => f.trigger.kind === 'http')) {
      gateway.addLambda(fn, await loadHandler(fn));
    }
    gateway.addLocalRoute(devTokenRoute(tokens));
    let baseUrl = '';
    const sandbox = sandboxSettings();
    for (const route of [
      ...vnpaySandboxRoutes({ tmnCode: sandbox.vnpayTmnCode, hashSecret: sandbox.vnpayHashSecret, ipnUrl: () => `${baseUrl}/v1/callbacks/vnpay/ipn` }),
      ...vietqrSandboxRoutes({ secret: sandbox.vietqrWebhookSecrets[0]!, webhookUrl: () => `${baseUrl}/v1/callbacks/vietqr` }),
      portalReturnRoute,
    ]) {
      gateway.addLocalRoute(route);
    }
    const postOffice = postOfficeSandbox({
      secret: sandbox.postalWebhookSecrets[0]!,
      webhookUrl: () => `${baseUrl}/v1/callbacks/postal`,
      ...(options.postOfficeAutoAdvanceMs ? { autoAdvanceMs: options.postOfficeAutoAdvanceMs } : {}),
    });
    for (const route of postOffice.routes) gateway.addLocalRoute(route);
    stoppers.unshift(async () => postOffice.stop());
    baseUrl = await gateway.listen();
    configureProviderEnvironment(baseUrl, sandbox);
    stoppers.unshift(() => gateway.close());

    for (const fn of functions.filter((f): f is QueueFunction => f.trigger.kind === 'queue')) {
      const definition = Queues[fn.trigger.queue];
      const source = new SqsEventSource(sqsClient, await loadHandler(fn), {
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

    if (options.dataDir) {
      const removeInfo = writeRuntimeInfo(options.dataDir, {
        baseUrl,
        dynamoDbEndpoint: dynamo.endpoint,
        sqsEndpoint: sqs.endpoint,
        tableName: MainTable.id,
        queues,
      });
      stoppers.unshift(async () => removeInfo());
    }

    for (const fn of functions.filter((f): f is ScheduledFunction => f.trigger.kind === 'schedule')) {
      const interval = options.scheduleIntervalMs ?? fn.trigger.everyMinutes * 60_000;
      if (interval <= 0) continue;
      const handler = await loadHandler<(event: unknown, context: unknown) => Promise<unknown>>(fn);
      const timer = setInterval(() => {
        const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString(), detail: {} };
        handler(event, lambdaContext(fn.name, fn.timeoutSeconds ?? 10)).catch(reportError);
      }, interval);
      stoppers.unshift(async () => clearInterval(timer));
    }

    return {
      baseUrl,
      dynamoDbEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      tableName: MainTable.id,
      queues,
      tokens,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
