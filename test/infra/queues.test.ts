import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ToantrinhStack } from '../../infra/stacks/toantrinh-stack';
import { Functions } from '../../shared/app/functions';
import { deadLetterQueueName, queueName, Queues, Streams } from '../../shared/platform/config/resources';
import { buildTestApp, getAtt, logicalId, ref, templateOf, withFixtureEntries, fixtureStack } from './support';

const DAY = 24 * 60 * 60;

describe('queues', () => {
  let stack: ToantrinhStack;
  let template: Template;

  beforeAll(() => {
    ({ stack, template } = fixtureStack());
  });

  const idsOf = (key: string) => {
    const resource = stack.queues.get(key);
    if (!resource) throw new Error(`no queue for ${key}`);
    return { queue: logicalId(resource.queue), deadLetters: logicalId(resource.deadLetterQueue) };
  };
  const resources = () => template.toJSON().Resources;

  it('creates each queue of Queues and its dead-letter queue, and each table stream\u2019s failure queue, nothing else', () => {
    template.resourceCountIs('AWS::SQS::Queue', Object.keys(Queues).length * 2 + Object.keys(Streams).length);
  });

  it.each(Object.entries(Queues))('%s has the defined name, type, timeouts and redrive', (key, definition) => {
    const ids = idsOf(key);
    const queue = resources()[ids.queue].Properties;
    expect(queue.QueueName).toBe(queueName(definition));
    expect(queue.VisibilityTimeout).toBe(definition.visibilityTimeoutSeconds);
    expect(queue.MessageRetentionPeriod).toBe(definition.retentionDays * DAY);
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: getAtt(ids.deadLetters),
      maxReceiveCount: definition.maxReceiveCount,
    });
    if (definition.fifo) {
      expect(queue.FifoQueue).toBe(true);
      // Producers must send explicit deduplication ids.
      expect(queue.ContentBasedDeduplication).toBe(false);
    } else {
      expect(queue.FifoQueue).toBeUndefined();
    }

    const deadLetters = resources()[ids.deadLetters].Properties;
    expect(deadLetters.QueueName).toBe(deadLetterQueueName(definition));
    expect(deadLetters.FifoQueue).toBe(definition.fifo ? true : undefined);
    expect(deadLetters.SqsManagedSseEnabled).toBe(true);
    // A dead letter must not expire before the original message would have.
    expect(deadLetters.MessageRetentionPeriod).toBeGreaterThanOrEqual(definition.retentionDays * DAY);
  });

  it.each(Object.keys(Queues))('%s and its dead-letter queue refuse non-TLS requests', (key) => {
    for (const id of Object.values(idsOf(key))) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(id)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it.each(Object.keys(Queues))('%s dead-letter queue alarms on the first message', (key) => {
    const topics = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(idsOf(key).deadLetters, 'QueueName') }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      AlarmActions: [ref(topics[0]!)],
    });
  });

  it('has one depth alarm per dead-letter queue', () => {
    // Other alarms (ages, functions, API) are pinned in monitoring.test.ts.
    const depthAlarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'ApproximateNumberOfMessagesVisible' },
    });
    expect(Object.keys(depthAlarms)).toHaveLength(Object.keys(Queues).length);
  });

  it('alarm topic is KMS-encrypted with a rotating key, TLS-only and publishable by CloudWatch', () => {
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: getAtt(keyId!) });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('subscribes no one when toantrinh:alarmEmail is empty', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes toantrinh:alarmEmail by e-mail when set', () => {
    const withEmail = templateOf(
      buildTestApp({
        context: { 'toantrinh:alarmEmail': 'ops@example.gov.vn' },
        overrides: { functions: withFixtureEntries(Functions) },
      }),
    );
    withEmail.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.gov.vn',
    });
  });
});
