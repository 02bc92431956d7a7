import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ToantrinhStack } from '../../infra/stacks/toantrinh-stack';
import type { FunctionDefinition } from '../../shared/app/functions';
import { deadLetterEnvVar, Queues } from '../../shared/platform/config/resources';
import {
  actionsOf,
  buildTestApp,
  getAtt,
  logicalId,
  ref,
  resourcesOf,
  statementsOfFunction,
  templateOf,
} from './support';
import { TriggerFunctions } from './fixtures/definitions';

describe('queue and schedule triggers', () => {
  let stack: ToantrinhStack;
  let template: Template;

  beforeAll(() => {
    const built = buildTestApp({ overrides: { functions: TriggerFunctions } });
    stack = built.stack;
    template = templateOf(built);
  });

  const ids = (key: 'dossierEvents' | 'postalOrders') => {
    const resource = stack.queues.get(key)!;
    return { queue: logicalId(resource.queue), deadLetters: logicalId(resource.deadLetterQueue) };
  };
  const functionId = (name: string) =>
    Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `toantrinh-dev-${name}` } }))[0]!;

  it('subscribes the FIFO consumer without a batching window and with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(ids('dossierEvents').queue),
      FunctionName: ref(functionId('FixtureDossierConsumer')),
      BatchSize: Queues.dossierEvents.consumer.batchSize,
      MaximumBatchingWindowInSeconds: Match.absent(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('subscribes the standard-queue consumer with its batching window', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(ids('postalOrders').queue),
      FunctionName: ref(functionId('FixturePostalConsumer')),
      BatchSize: Queues.postalOrders.consumer.batchSize,
      MaximumBatchingWindowInSeconds: Queues.postalOrders.consumer.maxBatchingWindowSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  it('hands a consumer its queue and dead-letter queue URLs and lets it consume', () => {
    const { queue, deadLetters } = ids('dossierEvents');
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'toantrinh-dev-FixtureDossierConsumer',
      Environment: {
        Variables: Match.objectLike({
          [Queues.dossierEvents.envVar]: ref(queue),
          [deadLetterEnvVar(Queues.dossierEvents)]: ref(deadLetters),
          [Queues.postalOrders.envVar]: ref(ids('postalOrders').queue),
        }),
      },
    });
    const statements = statementsOfFunction(template, 'toantrinh-dev-FixtureDossierConsumer');
    const consume = statements.filter((s) => actionsOf(s).includes('sqs:ReceiveMessage'));
    expect(consume.flatMap(resourcesOf)).toEqual([getAtt(queue)]);
    expect(consume.flatMap(actionsOf)).toEqual(expect.arrayContaining(['sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
    const send = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(send.flatMap(resourcesOf)).toEqual([getAtt(ids('postalOrders').queue)]);
  });

  it('runs the scheduled function from an EventBridge rule', () => {
    const fnId = functionId('FixtureSchedule');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: getAtt(fnId) })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(fnId),
      Principal: 'events.amazonaws.com',
    });
    template.resourceCountIs('AWS::Events::Rule', 1);
  });

  it('puts no route on the API for queue or scheduled functions', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
  });

  it('refuses a consumer that can outlive its queue visibility timeout', () => {
    const slow: FunctionDefinition = { ...TriggerFunctions[0]!, timeoutSeconds: Queues.dossierEvents.visibilityTimeoutSeconds + 1 };
    expect(() => buildTestApp({ overrides: { functions: [slow] } })).toThrow(/visibility timeout 60s/);
  });

  it('refuses a schedule that is not a whole number of minutes', () => {
    const odd: FunctionDefinition = { ...TriggerFunctions[2]!, trigger: { kind: 'schedule', everyMinutes: 0.5 } };
    expect(() => buildTestApp({ overrides: { functions: [odd] } })).toThrow(/positive integer/);
  });
});
