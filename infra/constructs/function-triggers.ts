import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { QueueFunction, ScheduledFunction, StreamFunction } from '../../shared/app/functions';
import type { StreamDefinition } from '../../shared/platform/config/resources';
import { lambdaFilterPattern } from '../../shared/platform/dynamodb/stream-records';
import type { QueueResource } from './messaging';

/** Subscribes a queue consumer; failed records are returned individually, not the whole batch. */
export function addQueueTrigger(fn: IFunction, definition: QueueFunction, resource: QueueResource): void {
  const timeoutSeconds = definition.timeoutSeconds ?? 10;
  // Lambda rejects the mapping at deploy time otherwise; say so at synth with the names involved.
  if (resource.definition.visibilityTimeoutSeconds < timeoutSeconds) {
    throw new Error(
      `Queue ${resource.definition.name}: visibility timeout ${resource.definition.visibilityTimeoutSeconds}s ` +
        `is shorter than the ${timeoutSeconds}s timeout of its consumer ${definition.name}`,
    );
  }
  const { batchSize, maxBatchingWindowSeconds } = resource.definition.consumer;
  fn.addEventSource(
    new SqsEventSource(resource.queue, {
      batchSize,
      // FIFO queues reject any batching window, even zero, so only set one when asked for.
      ...(maxBatchingWindowSeconds > 0 ? { maxBatchingWindow: Duration.seconds(maxBatchingWindowSeconds) } : {}),
      reportBatchItemFailures: true,
    }),
  );
}

export function addScheduleTrigger(scope: Construct, fn: IFunction, definition: ScheduledFunction): Rule {
  const { everyMinutes } = definition.trigger;
  if (!Number.isInteger(everyMinutes) || everyMinutes < 1) {
    throw new Error(`Function ${definition.name}: everyMinutes must be a positive integer, got ${everyMinutes}`);
  }
  return new Rule(scope, 'Schedule', {
    description: `Runs ${definition.name} every ${everyMinutes} minute(s)`,
    schedule: Schedule.rate(Duration.minutes(everyMinutes)),
    targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
  });
}

/**
 * Subscribes a function to a table's stream as resources' `Streams` entry says: only the records its
 * filter selects reach the function (Lambda event filtering), a record the function reports failed
 * is retried from there (ReportBatchItemFailures), bisecting the batch, `retryAttempts` times, then
 * the batch's description goes to the failure queue (whose alarm lives in the Monitoring stack).
 */
export function addStreamTrigger(fn: IFunction, stream: StreamDefinition, table: ITable, sortKeyName: string, failureQueue: IQueue): void {
  const { batchSize, maxBatchingWindowSeconds, retryAttempts, filter } = stream;
  fn.addEventSource(
    new DynamoEventSource(table, {
      // From the oldest record still kept: a first deployment publishes rows written before it too.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize,
      ...(maxBatchingWindowSeconds > 0 ? { maxBatchingWindow: Duration.seconds(maxBatchingWindowSeconds) } : {}),
      bisectBatchOnError: true,
      retryAttempts,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failureQueue),
      filters: [{ pattern: JSON.stringify(lambdaFilterPattern(filter, sortKeyName)) }],
    }),
  );
  // dynamodb:ListStreams has no resource-level permission; the stream reads are on this table's stream.
  if (fn.role) {
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'The DynamoDB stream event source grants dynamodb:ListStreams, which only accepts Resource "*"; GetRecords and GetShardIterator are on this table\u2019s stream.',
    });
  }
}
