import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueueName, queueName, type QueueDefinition } from '../../shared/platform/config/resources';
import { functionNamed, type MonitoredFunction, type MonitoredQueue } from '../constructs/monitored';
import { OperationsDashboard } from '../constructs/operations-dashboard';
import { ServiceAlarms } from '../constructs/service-alarms';

export interface MonitoringStackProps extends NestedStackProps {
  readonly stage: string;
  readonly serviceName: string;
  /** The alarm topic of the parent stack (passed as the nested stack's one parameter besides the API). */
  readonly alarmTopicArn: string;
  readonly httpApiId: string;
  /** Function definition name → the Lambda's physical name (set explicitly by the parent). */
  readonly functionNames: ReadonlyMap<string, string>;
  /** Keyed like the `Queues` record. */
  readonly queues: ReadonlyMap<string, QueueDefinition>;
  /** Each table stream's failure queue by name, keyed like the `Streams` record. */
  readonly streamFailureQueues?: ReadonlyMap<string, string>;
}

/**
 * The operational alarms and the dashboard, in a nested stack of their own: they are a third of
 * the service's CloudFormation resources and grow with every function and queue, while a stack
 * holds at most 500. Metrics select functions and queues by their physical names, which the parent
 * sets explicitly, so the nested template takes two parameters (topic, API id) however many
 * functions and queues there are. The dead-letter depth alarms stay beside their queues.
 */
export class MonitoringStack extends NestedStack {
  readonly alarms: ServiceAlarms;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const api = HttpApi.fromHttpApiAttributes(this, 'Api', { httpApiId: props.httpApiId });
    const functions = new Map<string, MonitoredFunction>([...props.functionNames].map(([name, physicalName]) => [name, functionNamed(physicalName)]));
    // The name is given, not parsed from the ARN (same reason as functionNamed).
    const importQueue = (id: string, name: string) =>
      Queue.fromQueueAttributes(this, id, { queueArn: this.formatArn({ service: 'sqs', resource: name }), queueName: name });
    const queues = new Map<string, MonitoredQueue>(
      [...props.queues].map(([key, definition]) => [
        key,
        {
          definition,
          queue: importQueue(`${definition.id}Queue`, queueName(definition)),
          deadLetterQueue: importQueue(`${definition.id}DeadLetterQueue`, deadLetterQueueName(definition)),
        },
      ]),
    );
    const monitored = { stage: props.stage, api, functions, queues, serviceName: props.serviceName };
    const alarmTopic = Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn);
    const streamFailureQueues = new Map([...(props.streamFailureQueues ?? [])].map(([key, name]) => [key, { name, queue: importQueue(`${key}StreamFailureQueue`, name) }]));
    this.alarms = new ServiceAlarms(this, 'ServiceAlarms', { ...monitored, alarmTopic, streamFailureQueues });
    this.dashboard = new OperationsDashboard(this, 'Operations', monitored);
  }
}
