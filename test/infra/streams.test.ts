import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { MainTable, Queues, Streams } from '../../shared/platform/config/resources';
import { outputIdOf } from '../../infra/constructs/operator-outputs';
import { buildTestApp, getAtt, logicalId, ref, statementsOfFunction, templateOf, withFixtureEntries } from './support';

const built = buildTestApp({ overrides: { functions: withFixtureEntries(Functions) } });
const template = templateOf(built);
const monitoring = Template.fromStack(built.stack.monitoring);
const stream = Streams.dossierOutbox;
const tableId = logicalId(built.stack.tables[0]!.table);
const [failureQueueId] = Object.keys(template.findResources('AWS::SQS::Queue', { Properties: { QueueName: stream.failureQueue.name } }));
const publisherId = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'toantrinh-dev-PublishDossierEvents' } }))[0]!;

describe('The dossier outbox stream', () => {
  it('turns the table\u2019s stream on with new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: MainTable.stream } });
  });

  it('feeds PublishDossierEvents only outbox rows inserted or written again, with partial failures, bisection, bounded retries and a failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(tableId, 'StreamArn'),
      FunctionName: ref(publisherId),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: stream.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: stream.retryAttempts,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(failureQueueId!) } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } } }) }] },
    });
  });

  it('keeps the failure queue encrypted for 14 days and gives the operator its URL', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: stream.failureQueue.name, SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    template.hasOutput(outputIdOf(stream.failureQueue.envVar), { Value: ref(failureQueueId!) });
  });

  it('lets the publisher send to the dossier FIFO queue and to the failure queue, and read nothing of the table', () => {
    const statements = statementsOfFunction(template, 'toantrinh-dev-PublishDossierEvents');
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]) as string[]);
    expect(actions).toEqual(expect.arrayContaining(['sqs:SendMessage', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']));
    expect(actions).not.toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'toantrinh-dev-PublishDossierEvents',
      Environment: { Variables: Match.objectLike({ [Queues.dossierEvents.envVar]: Match.anyValue() }) },
    });
  });

  it('has no relay any more, and no request-path function may send to the dossier queue', () => {
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { FunctionName: 'toantrinh-dev-RelayOutbox' }, 0);
    const senders = Functions.filter((f) => f.access.sendTo?.includes('dossierEvents')).map((f) => f.name);
    expect(senders).toEqual(['PublishDossierEvents']);
  });

  it('pages at the first failure record and before SQS would drop one', () => {
    const alarms = Object.values(monitoring.findResources('AWS::CloudWatch::Alarm')) as { Properties: Record<string, unknown> }[];
    const onQueue = alarms.filter((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(stream.failureQueue.name));
    expect(onQueue.map((a) => [a.Properties.MetricName, a.Properties.Threshold])).toEqual(
      expect.arrayContaining([
        ['ApproximateNumberOfMessagesVisible', 1],
        ['ApproximateAgeOfOldestMessage', 11 * 86_400],
      ]),
    );
    expect(onQueue.every((a) => (a.Properties.AlarmActions as unknown[]).length === 1)).toBe(true);
  });
});
