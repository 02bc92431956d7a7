import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamDefinition } from '../../shared/platform/config/resources';

export interface StreamFailureQueue {
  readonly definition: StreamDefinition;
  readonly queue: Queue;
}

/**
 * The on-failure destination of each table stream's consumer: a queue nobody consumes, where Lambda
 * describes a batch it gave up on (shard and sequence numbers). Its alarms (first message, oldest
 * message) are in the Monitoring stack; `npm run dlq:redrive -- <stream key>` publishes what it names.
 */
export class StreamFailures extends Construct {
  /** Keyed like the `Streams` record. */
  readonly queues: ReadonlyMap<string, StreamFailureQueue>;

  constructor(scope: Construct, id: string, props: { readonly streams: Readonly<Record<string, StreamDefinition>> }) {
    super(scope, id);
    this.queues = new Map(
      Object.entries(props.streams).map(([key, definition]) => {
        const queue = new Queue(this, definition.failureQueue.id, {
          queueName: definition.failureQueue.name,
          retentionPeriod: Duration.days(definition.failureQueue.retentionDays),
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        });
        Validations.of(queue).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason: 'This queue is itself a dead-letter destination (the stream event source\u2019s on-failure destination).',
        });
        return [key, { definition, queue }];
      }),
    );
  }
}
