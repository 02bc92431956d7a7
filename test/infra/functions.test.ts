import { existsSync, readFileSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRepoRoot } from '../../infra/paths';
import type { ToantrinhStack } from '../../infra/stacks/toantrinh-stack';
import { Functions, type FunctionDefinition } from '../../shared/app/functions';
import { Queues, Streams, Tables } from '../../shared/platform/config/resources';
import {
  actionsOf,
  buildTestApp,
  FIXTURE_ENTRY,
  getAtt,
  logicalId,
  ref,
  resourcesOf,
  statementsOfFunction,
  templateOf,
  fixtureStack,
} from './support';

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:TransactWriteItems',
];
const TABLE_ENV_VARS = Object.values(Tables).map((t) => t.envVar);
const functionName = (definition: FunctionDefinition) => `toantrinh-dev-${definition.name}`;

describe('functions', () => {
  let stack: ToantrinhStack;
  let template: Template;

  beforeAll(() => {
    ({ stack, template } = fixtureStack());
  });

  const lambdaOf = (definition: FunctionDefinition) => {
    const [fn] = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName(definition) } }),
    );
    if (!fn) throw new Error(`no Lambda for ${definition.name}`);
    return fn.Properties;
  };

  it.each(Functions)('entry of $name exists and exports handler (handlers are written separately)', (definition) => {
    const entry = fromRepoRoot(definition.entry);
    expect(existsSync(entry), `${definition.entry} is missing`).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(
      /export\s+(const|let|(async\s+)?function)\s+handler\b|export\s*\{[^}]*\bhandler\b/,
    );
  });

  it('deploys one Lambda per Functions entry and no helper Lambdas', () => {
    template.resourceCountIs('AWS::Lambda::Function', Functions.length);
  });

  it.each(Functions)('$name runs index.handler on nodejs24.x arm64 with tracing and JSON logs', (definition) => {
    const fn = lambdaOf(definition);
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.MemorySize).toBe(definition.memoryMb ?? 512);
    expect(fn.Timeout).toBe(definition.timeoutSeconds ?? 10);
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    expect(fn.LoggingConfig).toMatchObject({ LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } });
    const logGroup = template.toJSON().Resources[fn.LoggingConfig.LogGroup.Ref];
    expect(logGroup.Properties.RetentionInDays).toBe(90);
    expect(fn.Environment.Variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'toantrinh',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      STAGE: 'dev',
      CORS_ALLOWED_ORIGINS: 'https://dichvucong.example.gov.vn',
    });
  });

  it.each(Functions)('$name gets table env vars only when it has table access', (definition) => {
    const variables = Object.keys(lambdaOf(definition).Environment.Variables);
    for (const envVar of TABLE_ENV_VARS) {
      expect(variables.includes(envVar), `${envVar} on ${definition.name}`).toBe(definition.access.table !== undefined);
    }
  });

  it.each(Functions)('$name role has no managed policies and no wildcard beyond X-Ray', (definition) => {
    // statementsOfFunction throws on managed or inline role policies.
    const statements = statementsOfFunction(template, functionName(definition));
    // A stream consumer's event source also needs dynamodb:ListStreams, which has no resource-level permission.
    const wildcardOk = (a: string) => a.startsWith('xray:') || (definition.trigger.kind === 'stream' && a === 'dynamodb:ListStreams');
    for (const statement of statements.filter((s) => resourcesOf(s).includes('*'))) {
      expect(actionsOf(statement).every(wildcardOk), JSON.stringify(statement)).toBe(true);
    }
    for (const statement of statements.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')))) {
      expect(resourcesOf(statement)).toEqual([getAtt(lambdaOf(definition).LoggingConfig.LogGroup.Ref)]);
    }
  });

  it.each(Functions)('$name has DynamoDB actions matching its access', (definition) => {
    const actions = statementsOfFunction(template, functionName(definition)).flatMap(actionsOf);
    // A stream consumer reads its table's stream (the event source's grant), never the table's items.
    const STREAM_READS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    const dynamo = actions.filter((a) => a.startsWith('dynamodb:') && !(definition.trigger.kind === 'stream' && STREAM_READS.includes(a)));
    if (definition.trigger.kind === 'stream') expect(actions).toEqual(expect.arrayContaining(STREAM_READS));
    if (definition.access.table === undefined) expect(dynamo).toEqual([]);
    if (definition.access.table === 'read') {
      expect(dynamo).toContain('dynamodb:Query');
      expect(dynamo.filter((a) => WRITE_ACTIONS.includes(a) || a.includes('*'))).toEqual([]);
    }
    if (definition.access.table === 'readWrite') expect(dynamo).toEqual(expect.arrayContaining(WRITE_ACTIONS.slice(0, 4)));
  });

  it.each(Functions)('$name may only send to the queues it declares', (definition) => {
    const sendTargets = statementsOfFunction(template, functionName(definition))
      .filter((s) => actionsOf(s).includes('sqs:SendMessage'))
      .flatMap(resourcesOf);
    const declared = (definition.access.sendTo ?? []).map((key) => getAtt(logicalId(stack.queues.get(key)!.queue)));
    // A stream consumer also sends its failure records to its stream's failure queue (the on-failure destination).
    if (definition.trigger.kind === 'stream') declared.push(getAtt(Object.keys(template.findResources('AWS::SQS::Queue', { Properties: { QueueName: Streams[definition.trigger.stream].failureQueue.name } }))[0]!));
    expect(sendTargets).toEqual(expect.arrayContaining(declared));
    expect(sendTargets).toHaveLength(declared.length);
  });
});

describe('functions from a custom list', () => {
  const custom: FunctionDefinition[] = [
    {
      name: 'Reader',
      entry: FIXTURE_ENTRY,
      access: { table: 'read' },
      trigger: { kind: 'http', routes: [{ method: 'GET', path: '/r', auth: 'none' }] },
    },
    {
      name: 'Writer',
      entry: FIXTURE_ENTRY,
      access: { table: 'readWrite', sendTo: ['postalOrders'] },
      memoryMb: 1024,
      timeoutSeconds: 20,
      trigger: { kind: 'http', routes: [{ method: 'POST', path: '/w', auth: 'jwt' }] },
    },
    {
      name: 'NoAccess',
      entry: FIXTURE_ENTRY,
      access: {},
      trigger: { kind: 'schedule', everyMinutes: 5 },
    },
  ];
  let stack: ToantrinhStack;
  let template: Template;

  beforeAll(() => {
    const built = buildTestApp({ overrides: { functions: custom } });
    stack = built.stack;
    template = templateOf(built);
  });

  it('read-write functions get write actions, read-only ones none', () => {
    const writer = statementsOfFunction(template, 'toantrinh-dev-Writer').flatMap(actionsOf);
    expect(writer).toEqual(expect.arrayContaining(WRITE_ACTIONS.slice(0, 4)));
    const reader = statementsOfFunction(template, 'toantrinh-dev-Reader').flatMap(actionsOf);
    expect(reader.filter((a) => WRITE_ACTIONS.includes(a))).toEqual([]);
  });

  it('a function with sendTo may send to exactly that queue and gets its URL', () => {
    const postalOrders = stack.queues.get('postalOrders')!;
    const queueId = logicalId(postalOrders.queue);
    const send = statementsOfFunction(template, 'toantrinh-dev-Writer').filter((s) =>
      actionsOf(s).includes('sqs:SendMessage'),
    );
    expect(send.flatMap(resourcesOf)).toEqual([getAtt(queueId)]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'toantrinh-dev-Writer',
      MemorySize: 1024,
      Timeout: 20,
      Environment: { Variables: { [Queues.postalOrders.envVar]: ref(queueId) } },
    });
    for (const other of ['Reader', 'NoAccess']) {
      const actions = statementsOfFunction(template, `toantrinh-dev-${other}`).flatMap(actionsOf);
      expect(actions.filter((a) => a.startsWith('sqs:'))).toEqual([]);
    }
  });

  it('a function without table access has no table env var and no DynamoDB grant', () => {
    const [fn] = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'toantrinh-dev-NoAccess' } }),
    );
    expect(Object.keys(fn!.Properties.Environment.Variables)).not.toContain('TABLE_NAME');
    const actions = statementsOfFunction(template, 'toantrinh-dev-NoAccess').flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('rejects a sendTo queue that does not exist', () => {
    const broken = [{ ...custom[2]!, access: { sendTo: ['nope' as 'postalOrders'] } }];
    expect(() => buildTestApp({ overrides: { functions: broken } })).toThrow(/unknown queue "nope"/);
  });
});
