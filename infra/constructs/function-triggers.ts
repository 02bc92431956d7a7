import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { QueueFunction, ScheduledFunction } from '../../shared/app/functions';
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
