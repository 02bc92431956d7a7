import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  deadLetterQueueName,
  queueName,
  type QueueDefinition,
} from '../../shared/platform/config/resources';

export interface QueueResource {
  readonly definition: QueueDefinition;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
}

export interface MessagingProps {
  readonly queues: Readonly<Record<string, QueueDefinition>>;
  readonly alarmTopic: ITopic;
}

// SQS maximum: a dead letter must outlive the original message so nothing expires before redrive.
export const DEAD_LETTER_RETENTION_DAYS = 14;
const DEAD_LETTER_RETENTION = Duration.days(DEAD_LETTER_RETENTION_DAYS);

/** Every queue of shared/platform/config/resources.ts with its dead-letter queue and a dead-letter alarm. */
export class Messaging extends Construct {
  /** Keyed like the `Queues` record, which is how functions refer to queues. */
  readonly queues: ReadonlyMap<string, QueueResource>;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const alarmAction = new SnsAction(props.alarmTopic);
    this.queues = new Map(
      Object.entries(props.queues).map(([key, definition]) => {
        const resource = this.createQueue(definition);
        this.createDeadLetterAlarm(resource).addAlarmAction(alarmAction);
        return [key, resource];
      }),
    );
  }

  private createQueue(definition: QueueDefinition): QueueResource {
    // Producers send explicit deduplication ids. With content-based deduplication off, a send that
    // forgets one is rejected instead of being deduplicated by a body hash nobody chose.
    const fifo = definition.fifo ? { fifo: true, contentBasedDeduplication: false } : {};
    const deadLetterQueue = new Queue(this, `${definition.id}DeadLetters`, {
      queueName: deadLetterQueueName(definition),
      ...fifo,
      retentionPeriod: DEAD_LETTER_RETENTION,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const queue = new Queue(this, definition.id, {
      queueName: queueName(definition),
      ...fifo,
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(definition.retentionDays),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    return { definition, queue, deadLetterQueue };
  }

  /** A single dead letter means a dossier event or postal order was not processed: page someone. */
  private createDeadLetterAlarm({ definition, deadLetterQueue }: QueueResource): Alarm {
    return new Alarm(this, `${definition.id}DeadLettersAlarm`, {
      alarmDescription: `Messages in ${deadLetterQueueName(definition)}: inspect, fix and redrive them.`,
      metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // SQS stops publishing metrics for idle queues; silence is not a problem.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
