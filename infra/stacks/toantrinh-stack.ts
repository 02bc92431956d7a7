import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import {
  Functions,
  type FunctionDefinition,
  type HttpFunction,
  type QueueFunction,
  type ScheduledFunction,
  type StreamFunction,
} from '../../shared/app/functions';
import { Queues, Streams, Tables, type QueueDefinition, type StreamDefinition, type TableDefinition } from '../../shared/platform/config/resources';
import type { StackConfig } from '../config';
import { AlarmTopic } from '../constructs/alarm-topic';
import { DataTables, type TableResource } from '../constructs/data-tables';
import { addQueueTrigger, addScheduleTrigger, addStreamTrigger } from '../constructs/function-triggers';
import { StreamFailures } from '../constructs/stream-failures';
import { outputIdOf } from '../constructs/operator-outputs';
import { PublicHttpApi, type HttpApiRoutesTarget } from '../constructs/http-api';
import { Messaging, type QueueResource } from '../constructs/messaging';
import { addOperatorOutputs } from '../constructs/operator-outputs';
import { lookupQueue, ServiceFunction } from '../constructs/service-function';
import { SettlementFiles } from '../constructs/settlement-files';
import { MonitoringStack } from './monitoring-stack';

export interface ToantrinhStackProps extends StackProps {
  readonly config: StackConfig;
  /** Defaults to shared/config; tests pass their own lists to exercise every trigger kind. */
  readonly functions?: readonly FunctionDefinition[];
  readonly tables?: Readonly<Record<string, TableDefinition>>;
  readonly queues?: Readonly<Record<string, QueueDefinition>>;
  readonly streams?: Readonly<Record<string, StreamDefinition>>;
}

/** The logger's and metrics' service name; the alarms and dashboard select metrics by it. */
const SERVICE_NAME = 'toantrinh';

export class ToantrinhStack extends Stack {
  readonly tables: readonly TableResource[];
  /** Keyed like the `Queues` record. */
  readonly queues: ReadonlyMap<string, QueueResource>;
  /** Keyed by function definition name. */
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly api: PublicHttpApi;
  /** Alarms and the operations dashboard, nested to keep this stack under CloudFormation's 500 resources. */
  readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string, props: ToantrinhStackProps) {
    super(scope, id, props);
    const { config } = props;
    const definitions = props.functions ?? Functions;

    const data = new DataTables(this, 'Data', { tables: props.tables ?? Tables });
    const alarms = new AlarmTopic(this, 'Alarms', { email: config.alarmEmail });
    const messaging = new Messaging(this, 'Messaging', {
      queues: props.queues ?? Queues,
      alarmTopic: alarms.topic,
    });
    this.tables = data.tables;
    this.queues = messaging.queues;

    const environment = {
      NODE_OPTIONS: '--enable-source-maps',
      // Also the `service` dimension of the business metrics, which the alarms and dashboard select on.
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      STAGE: config.stage,
      CORS_ALLOWED_ORIGINS: config.portalOrigins.join(','),
    };

    // The failure queues of the table streams that functions read (tests pass lists without one).
    const streamKeys = new Set(definitions.filter(isStreamConsumer).map((d) => d.trigger.stream as string));
    const allStreams: Readonly<Record<string, StreamDefinition>> = props.streams ?? Streams;
    const streamFailures = new StreamFailures(this, 'StreamFailures', { streams: Object.fromEntries(Object.entries(allStreams).filter(([key]) => streamKeys.has(key))) });

    // Only when a function reads settlement files (tests pass lists without one).
    const settlementFiles = definitions.some((d) => d.access.readSettlementFiles) ? new SettlementFiles(this, 'SettlementFiles') : undefined;

    const functions = new Map<string, ServiceFunction>();
    const functionNames = new Map<string, string>();
    const httpTargets: HttpApiRoutesTarget[] = [];
    for (const definition of definitions) {
      if (functions.has(definition.name)) throw new Error(`Duplicate function name ${definition.name}`);
      const functionName = `toantrinh-${config.stage}-${definition.name}`;
      functionNames.set(definition.name, functionName);
      const service = new ServiceFunction(this, definition.name, {
        definition,
        functionName,
        environment,
        tables: data.tables,
        queues: messaging.queues,
        secretsPrefix: `/toantrinh/${config.stage}/`,
        providerSettings: config.providerSettings,
        ...(settlementFiles ? { settlementFiles } : {}),
      });
      functions.set(definition.name, service);

      if (isHttp(definition)) {
        httpTargets.push({ definition, fn: service.fn });
      } else if (isQueueConsumer(definition)) {
        const queue = lookupQueue(messaging.queues, definition.trigger.queue, definition.name);
        addQueueTrigger(service.fn, definition, queue);
      } else if (isScheduled(definition)) {
        addScheduleTrigger(service, service.fn, definition);
      } else if (isStreamConsumer(definition)) {
        const failures = streamFailures.queues.get(definition.trigger.stream);
        const stream = failures?.definition;
        const table = stream && data.tables.find((t) => t.definition.id === Tables[stream.table].id);
        if (!failures || !stream || !table?.table.tableStreamArn) throw new Error(`Function ${definition.name} reads stream "${definition.trigger.stream}" of a table without one`);
        addStreamTrigger(service.fn, stream, table.table, table.definition.sortKey.name, failures.queue);
      }
    }
    this.functions = functions;

    this.api = new PublicHttpApi(this, 'Http', {
      apiName: `toantrinh-${config.stage}`,
      jwtIssuer: config.jwtIssuer,
      jwtAudience: config.jwtAudience,
      allowedOrigins: config.portalOrigins,
      targets: httpTargets,
    });

    this.monitoring = new MonitoringStack(this, 'Monitoring', {
      stage: config.stage,
      serviceName: SERVICE_NAME,
      alarmTopicArn: alarms.topic.topicArn,
      httpApiId: this.api.api.apiId,
      functionNames,
      queues: new Map([...messaging.queues].map(([key, { definition }]) => [key, definition])),
      streamFailureQueues: new Map([...streamFailures.queues].map(([key, { definition }]) => [key, definition.failureQueue.name])),
    });

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the toantrinh HTTP API',
      value: this.api.stage.url,
    });
    addOperatorOutputs(this, data.tables, messaging.queues);
    for (const [key, { definition, queue }] of streamFailures.queues) {
      new CfnOutput(this, outputIdOf(definition.failureQueue.envVar), { description: `Set ${definition.failureQueue.envVar} from this for npm run dlq:redrive -- ${key}`, value: queue.queueUrl });
    }
    if (settlementFiles) {
      new CfnOutput(this, 'SettlementBucketName', {
        description: 'Put each provider\u2019s day-T settlement file here as <provider>/<yyyy-mm-dd>.csv (npm run reconcile reads s3://<this>/<key>)',
        value: settlementFiles.bucket.bucketName,
      });
    }
  }
}

// TypeScript does not narrow a union through a nested discriminant (`trigger.kind`).
const isHttp = (f: FunctionDefinition): f is HttpFunction => f.trigger.kind === 'http';
const isQueueConsumer = (f: FunctionDefinition): f is QueueFunction => f.trigger.kind === 'queue';
const isScheduled = (f: FunctionDefinition): f is ScheduledFunction => f.trigger.kind === 'schedule';
const isStreamConsumer = (f: FunctionDefinition): f is StreamFunction => f.trigger.kind === 'stream';
