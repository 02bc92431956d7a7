import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { deadLetterEnvVar, deadLetterQueueName, queueName, Queues, Streams, type QueueDefinition } from '../../shared/platform/config/resources';
import { outputIdOf } from '../../infra/constructs/operator-outputs';
import { TriggerFunctions } from './fixtures/definitions';
import { buildTestApp, logicalId, PROD_CONTEXT, ref, templateOf, withFixtureEntries } from './support';

const built = buildTestApp({ context: PROD_CONTEXT, overrides: { functions: [...withFixtureEntries(Functions), ...TriggerFunctions] } });
const template = templateOf(built);
const { stack } = built;
const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
// Alarms and dashboard live in the nested monitoring stack; what it takes from here arrives as parameters.
const monitoring = Template.fromStack(stack.monitoring);

type Resource = { Properties: Record<string, unknown> };
const nestedStack = Object.values(template.findResources('AWS::CloudFormation::Stack'))[0] as Resource;
/** The nested stack's parameter the parent fills with `value` (a Ref or GetAtt of a parent resource). */
function parameterFor(value: unknown): { Ref: string } {
  const parameters = nestedStack.Properties.Parameters as Record<string, unknown>;
  const found = Object.entries(parameters).filter(([, v]) => JSON.stringify(v) === JSON.stringify(value));
  expect(found, `one parameter passes ${JSON.stringify(value)}`).toHaveLength(1);
  return ref(found[0]![0]);
}
const alarms = Object.values(monitoring.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const alarmsOn = (metricName: string, dimensions?: unknown) =>
  alarms.filter(
    (a) => a.Properties.MetricName === metricName && (dimensions === undefined || JSON.stringify(a.Properties.Dimensions) === JSON.stringify(dimensions)),
  );

interface Widget {
  readonly type: string;
  readonly properties: { title?: string; metrics: unknown[][] };
}

/** The dashboard body is an Fn::Join of JSON text and tokens; each token becomes its logical id. */
function dashboardWidgets(body: unknown): Widget[] {
  const [, parts] = (body as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      return token.Ref ?? token['Fn::GetAtt']![0];
    })
    .join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

describe('monitoring of a prod stage', () => {
  it('synthesizes prod with real-looking settings and subscribes its alarm e-mail', () => {
    expect(stack.stackName).toBe('Toantrinh-prod');
    expect(() => built.app.synth()).not.toThrow();
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: PROD_CONTEXT['toantrinh:alarmEmail'] });
  });

  it('keeps the alarms and dashboard in a nested stack that takes two parameters however many functions there are', () => {
    expect(Object.keys(nestedStack.Properties.Parameters as object).sort()).toEqual(
      [parameterFor(ref(topicId!)).Ref, parameterFor(ref(logicalId(stack.api.api))).Ref].sort(),
    );
    expect(template.findResources('AWS::CloudWatch::Dashboard')).toEqual({});
    // CloudFormation refuses a template of over 500 resources; leave room for the next functions.
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(450);
  });

  it('sends every alarm to the alarm topic', () => {
    expect(alarms.length).toBeGreaterThan(0);
    const topic = parameterFor(ref(topicId!));
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
  });

  it.each([...stack.functions.keys()])('%s has one Errors and one Throttles alarm', (name) => {
    const dimensions = [{ Name: 'FunctionName', Value: `toantrinh-prod-${name}` }];
    for (const metric of ['Errors', 'Throttles']) {
      const found = alarmsOn(metric, dimensions);
      expect(found, `${metric} alarms of ${name}`).toHaveLength(1);
      expect(found[0]!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it.each(Object.entries(Queues))('%s alarms on its oldest message after visibility × receives, its DLQ before retention ends', (key, definition) => {
    const [age] = alarmsOn('ApproximateAgeOfOldestMessage', [{ Name: 'QueueName', Value: queueName(definition) }]);
    expect(age?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      Statistic: 'Maximum',
      // A queue may name its own threshold (the national portal's "pending too long"); otherwise visibility × receives.
      Threshold: (definition as QueueDefinition).oldestMessageAlarmSeconds ?? Math.max(300, definition.visibilityTimeoutSeconds * definition.maxReceiveCount),
    });
    const [deadAge] = alarmsOn('ApproximateAgeOfOldestMessage', [{ Name: 'QueueName', Value: deadLetterQueueName(definition) }]);
    expect(deadAge?.Properties.Threshold).toBe(11 * 86_400);
  });

  it('alarms on the API 5xx rate (at least 3 errors and 5% of requests)', () => {
    const apiId = parameterFor(ref(logicalId(stack.api.api)));
    monitoring.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(errors >= 3, 100 * errors / requests, 0)', ReturnData: true }),
        Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: apiId }] } }) }),
        Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: [{ Name: 'ApiId', Value: apiId }] } }) }),
      ]),
    });
  });

  it('alarms on the first IPN reply other than 00/02, on the metric the metrics module emits for this stage', () => {
    // Same names as test/unit/shared/platform/observability/metrics.test.ts asserts in the EMF output.
    const found = alarmsOn('IpnRejected', [
      { Name: 'service', Value: 'toantrinh' },
      { Name: 'stage', Value: 'prod' },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.Properties).toMatchObject({ Namespace: 'Toantrinh', Statistic: 'Sum', Threshold: 1 });
  });

  it('alarms on the first payment given up after its re-query schedule (the national platform\u2019s 72 h), on the metric ExpirePayments emits', () => {
    // Same names as test/unit/shared/platform/observability/metrics.test.ts asserts in the EMF output.
    const found = alarmsOn('PaymentQueryGivenUp', [
      { Name: 'service', Value: 'toantrinh' },
      { Name: 'stage', Value: 'prod' },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.Properties).toMatchObject({ Namespace: 'Toantrinh', Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('has a dashboard with the API, every function and queue, and the business metrics of this stage', () => {
    const [dashboard] = Object.values(monitoring.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboard?.Properties.DashboardName).toBe('toantrinh-prod');
    const widgets = dashboardWidgets(dashboard!.Properties.DashboardBody);
    const graphs: Record<string, unknown[][]> = Object.fromEntries(widgets.filter((w) => w.type === 'metric').map((w) => [w.properties.title, w.properties.metrics]));
    const metricNames = (title: string) => graphs[title]!.map((line) => line[1]);
    // Lines are [namespace, metric, dimension, value, …]; tokens appear as their logical ids.
    const dimensionValues = (title: string) => graphs[title]!.map((line) => line[3]);
    expect(metricNames('API requests and errors')).toEqual(['Count', '4xx', '5xx']);
    expect(metricNames('API latency (ms)')).toEqual(['Latency', 'Latency', 'IntegrationLatency']);
    const functionIds = [...stack.functions.keys()].map((name) => `toantrinh-prod-${name}`);
    for (const title of ['Function errors', 'Function duration p99 (ms)', 'Function throttles']) {
      expect(dimensionValues(title), title).toEqual(functionIds);
    }
    const queueIds = [...stack.queues.values()].flatMap(({ definition }) => [queueName(definition), deadLetterQueueName(definition)]);
    expect(dimensionValues('Queue depth (visible messages)')).toEqual(queueIds);
    expect(dimensionValues('Age of oldest message (s)')).toEqual(queueIds);
    const searches = (title: string) => graphs[title]!.map((line) => (line[0] as { expression: string }).expression);
    const search = (metric: string, dimensions: string) =>
      `SEARCH('{Toantrinh,service,stage,${dimensions}} MetricName="${metric}" service="toantrinh" stage="prod"', 'Sum', 300)`;
    expect(searches('Payments by provider')).toEqual([search('PaymentSucceeded', 'Provider'), search('PaymentFailed', 'Provider,Reason')]);
    expect(searches('VNPay IPN replies by RspCode')).toEqual([search('IpnReply', 'RspCode')]);
    expect(searches('Deliveries by status')).toEqual([search('DeliveryStatusChanged', 'Status')]);
    expect(searches('Dossier events applied by type')).toEqual([search('DossierEventApplied', 'EventType')]);
  });

  it('outputs the table name and every queue URL under the names the operator commands read', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description: string }>;
    const [table] = stack.tables;
    expect(outputs.TableName?.Value).toEqual(ref(logicalId(table!.table)));
    expect(outputs.TableName?.Description).toMatch(/^Set TABLE_NAME from this/);
    const queueOutputs = { DossierEventsQueueUrl: 'dossierEvents', PostalOrdersQueueUrl: 'postalOrders' } as const;
    for (const [output, key] of Object.entries(queueOutputs)) {
      const { definition, queue, deadLetterQueue } = stack.queues.get(key)!;
      expect(outputs[output]?.Value).toEqual(ref(logicalId(queue)));
      expect(outputs[output]?.Description).toContain(`Set ${definition.envVar} from this`);
      const dlqOutput = output.replace('QueueUrl', 'DlqUrl');
      expect(outputs[dlqOutput]?.Value).toEqual(ref(logicalId(deadLetterQueue)));
      expect(outputs[dlqOutput]?.Description).toContain(`Set ${deadLetterEnvVar(definition)} from this`);
    }
    // Every queue of resources.ts, and its DLQ, has its output (one rule: the variable in PascalCase);
    // the settlement bucket is where an operator puts the providers' day-T files.
    const perQueue = Object.values(Queues).flatMap((q) => [outputIdOf(q.envVar), outputIdOf(deadLetterEnvVar(q))]);
    const perStream = Object.values(Streams).map((s) => outputIdOf(s.failureQueue.envVar));
    expect(Object.keys(outputs).sort()).toEqual(['ApiUrl', 'TableName', 'SettlementBucketName', ...perQueue, ...perStream].sort());
  });
});
