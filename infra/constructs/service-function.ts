import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsVersions,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import path from 'node:path';
import { NodejsFunction, OutputFormat, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../shared/app/functions';
import { deadLetterEnvVar } from '../../shared/platform/config/resources';
import { fromRepoRoot, LOCK_FILE, REPO_ROOT } from '../paths';
import type { TableResource } from './data-tables';
import type { QueueResource } from './messaging';
import type { SettlementFiles } from './settlement-files';
import { LAMBDA_ESBUILD_OPTIONS } from '../bundling';
import { parameterNameOf } from '../../shared/platform/config/secrets';
import type { StackConfig } from '../config';

export interface ServiceFunctionProps {
  readonly definition: FunctionDefinition;
  readonly functionName: string;
  /** Variables every function receives (stage, CORS origins, logging). */
  readonly environment: Readonly<Record<string, string>>;
  readonly tables: readonly TableResource[];
  readonly queues: ReadonlyMap<string, QueueResource>;
  /** Where this stage's secrets live in SSM Parameter Store, e.g. `/toantrinh/prod/`. */
  readonly secretsPrefix: string;
  readonly providerSettings: StackConfig['providerSettings'];
  /** The settlement-file bucket, for a function that declares `readSettlementFiles`. */
  readonly settlementFiles?: SettlementFiles;
}


/**
 * One Lambda of shared/app/functions.ts with exactly the access its definition declares.
 * Triggers are attached elsewhere; queue consumers get their queue URLs here because those are
 * part of what the handler may touch.
 */
export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { definition } = props;

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    // An own role instead of the default one: AWSLambdaBasicExecutionRole may write to every log
    // group in the account, this role only to the function's own.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.functionName}`,
    });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: fromRepoRoot(definition.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: definition.memoryMb ?? 512,
      timeout: Duration.seconds(definition.timeoutSeconds ?? 10),
      role,
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      bundling: {
        // The same settings `npm run bench` measures (infra/bundling.ts).
        format: OutputFormat.ESM,
        minify: LAMBDA_ESBUILD_OPTIONS.minify,
        sourceMap: true,
        target: LAMBDA_ESBUILD_OPTIONS.target,
        mainFields: [...LAMBDA_ESBUILD_OPTIONS.mainFields],
        forceDockerBundling: false,
        banner: LAMBDA_ESBUILD_OPTIONS.banner.js,
        externalModules: [...LAMBDA_ESBUILD_OPTIONS.external],
        ...((definition.files ?? []).length > 0 ? { commandHooks: besideTheBundle(definition.files!) } : {}),
      },
      environment: { ...props.environment },
      // Functions with secrets read them through the Parameters and Secrets extension (a local HTTP
      // call, 5-minute cache) instead of bundling the SSM client (shared/platform/config/secrets.ts).
      ...((definition.access.secrets ?? []).length > 0
        ? { paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, { cacheSize: 100, parameterStoreTtl: Duration.minutes(5) }) }
        : {}),
    });

    // X-Ray's PutTraceSegments/PutTelemetryRecords have no resource-level permissions.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which only accept Resource "*".',
    });

    this.grantTableAccess(definition, props.tables, role);
    this.grantQueueAccess(definition, props.queues);
    this.grantSecrets(definition, props.secretsPrefix);
    if (definition.access.sendEmail) this.grantSendEmail(props.providerSettings.notifications?.NOTIFICATION_EMAIL_FROM);
    if (definition.access.readSettlementFiles) this.grantSettlementFiles(props.settlementFiles, role);
    for (const group of definition.access.settings ?? []) {
      for (const [name, value] of Object.entries(props.providerSettings[group])) this.fn.addEnvironment(name, value);
    }
  }

  /**
   * ses:SendEmail on the configured sender only: its address identity and its domain identity (SES
   * authorises against whichever of the two is verified), nothing else in the account.
   */
  private grantSendEmail(from: string | undefined): void {
    const domain = /^[^@\s]+@([^@\s]+)$/.exec(from ?? '')?.[1];
    if (!from || !domain) throw new Error(`${this.node.id}: sendEmail needs NOTIFICATION_EMAIL_FROM (an address), got "${from ?? ''}"`);
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [from, domain].map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      }),
    );
  }

  /** The settlement bucket's name in its environment, and read access to that bucket alone. */
  private grantSettlementFiles(files: SettlementFiles | undefined, role: Role): void {
    if (!files) throw new Error(`${this.node.id}: readSettlementFiles needs the settlement-file bucket`);
    this.fn.addEnvironment('SETTLEMENT_BUCKET', files.bucket.bucketName);
    files.grantRead(this.fn);
    const bucketLogicalId = Stack.of(files.bucket).getLogicalId(files.bucket.node.defaultChild as CfnBucket);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
      reason: 'One object per provider and day (the key holds the date): GetObject on the settlement bucket’s objects, nothing else of S3.',
    });
  }

  /**
   * Read access to exactly the SecureString parameters it declares. The operator creates them (a
   * template cannot hold a SecureString); the aws/ssm key's policy lets SSM decrypt for the caller.
   */
  private grantSecrets(definition: FunctionDefinition, prefix: string): void {
    const secrets = definition.access.secrets ?? [];
    if (secrets.length === 0) return;
    this.fn.addEnvironment('SECRETS_PARAMETER_PREFIX', prefix);
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: secrets.map((secret) =>
          stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: `${prefix.replace(/^\//, '')}${parameterNameOf(secret)}` }),
        ),
      }),
    );
  }

  private grantTableAccess(definition: FunctionDefinition, tables: readonly TableResource[], role: Role): void {
    const access = definition.access.table;
    if (!access) return;
    for (const { definition: tableDefinition, table } of tables) {
      this.fn.addEnvironment(tableDefinition.envVar, table.tableName);
      if (access === 'readWrite') table.grantReadWriteData(this.fn);
      else table.grantReadData(this.fn);

      // Grants only include "<table>/index/*" when the table has indexes.
      if (tableDefinition.globalSecondaryIndexes.length === 0) continue;
      const tableLogicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnTable);
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        reason: `Queries go through the GSIs of ${tableDefinition.id}; "index/*" is scoped to this one table's indexes.`,
      });
    }
  }

  private grantQueueAccess(definition: FunctionDefinition, queues: ReadonlyMap<string, QueueResource>): void {
    for (const key of definition.access.sendTo ?? []) {
      const { definition: queueDefinition, queue } = lookupQueue(queues, key, definition.name);
      this.fn.addEnvironment(queueDefinition.envVar, queue.queueUrl);
      queue.grantSendMessages(this.fn);
    }
    if (definition.trigger.kind === 'queue') {
      const { definition: queueDefinition, queue, deadLetterQueue } = lookupQueue(
        queues,
        definition.trigger.queue,
        definition.name,
      );
      this.fn.addEnvironment(queueDefinition.envVar, queue.queueUrl);
      this.fn.addEnvironment(deadLetterEnvVar(queueDefinition), deadLetterQueue.queueUrl);
      queue.grantConsumeMessages(this.fn);
    }
  }
}

/**
 * Copies a function's `files` into its code asset beside index.mjs, under their base name, where the
 * handler reads them (`new URL(name, import.meta.url)`). Local bundling runs these in a shell with
 * inputDir the repository root.
 */
function besideTheBundle(files: readonly string[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => files.map((file) => `cp "${path.join(inputDir, file)}" "${path.join(outputDir, path.basename(file))}"`),
  };
}

export function lookupQueue(queues: ReadonlyMap<string, QueueResource>, key: string, functionName: string): QueueResource {
  const resource = queues.get(key);
  if (!resource) throw new Error(`Function ${functionName} refers to unknown queue "${key}"`);
  return resource;
}
