import { Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { QueueDefinition } from '../../shared/platform/config/resources';

/** A Lambda function as the alarms and the dashboard see it: its metrics. */
export interface MonitoredFunction {
  metricErrors(props?: MetricOptions): Metric;
  metricThrottles(props?: MetricOptions): Metric;
  metricDuration(props?: MetricOptions): Metric;
}

/**
 * Metrics selected by the function's physical name as a plain string. An imported IFunction would
 * parse the name out of its ARN, which holds region and account tokens: the dimension would become
 * a CloudFormation Split.
 */
export function functionNamed(functionName: string): MonitoredFunction {
  const metric = (metricName: string, props?: MetricOptions) =>
    new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, ...props });
  return {
    metricErrors: (props) => metric('Errors', props),
    metricThrottles: (props) => metric('Throttles', props),
    metricDuration: (props) => metric('Duration', props),
  };
}

/** A queue as the alarms and the dashboard see it: its metrics, selected by name. */
export interface MonitoredQueue {
  readonly definition: QueueDefinition;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
}
