import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, MathExpression, TextWidget, type IMetric, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { BusinessMetric, METRICS_NAMESPACE } from '../../shared/platform/observability/metrics';
import type { MonitoredFunction, MonitoredQueue } from './monitored';

export interface OperationsDashboardProps {
  readonly stage: string;
  readonly api: IHttpApi;
  readonly functions: ReadonlyMap<string, MonitoredFunction>;
  readonly queues: ReadonlyMap<string, MonitoredQueue>;
  readonly serviceName: string;
}

const PERIOD = Duration.minutes(5);
const WIDE = 12;
const HEIGHT = 6;

/** One page for the operator: the API, every function, every queue and the business outcomes. */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { api, functions, queues } = props;
    const fns = [...functions.entries()];
    const queueList = [...queues.values()];
    // Business metrics carry a dimension whose values (RspCode, Status, EventType…) are open-ended:
    // a SEARCH shows every value that occurs, including ones added later, for this stage only.
    const business = (metric: string, dimension: string[], label: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},${['service', 'stage', ...dimension].join(',')}} MetricName="${metric}" service="${props.serviceName}" stage="${props.stage}"', 'Sum', ${PERIOD.toSeconds()})`,
        label,
        period: PERIOD,
      });

    const rows: IWidget[][] = [
      [new TextWidget({ markdown: `# toantrinh ${props.stage}\nAlarms go to the alarm topic; each alarm's description says what to check.`, width: 24, height: 2 })],
      [
        graph('API requests and errors', [
          api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }),
          api.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
        ]),
        graph('API latency (ms)', [
          api.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
          api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
          api.metricIntegrationLatency({ period: PERIOD, statistic: 'p99', label: 'integration p99' }),
        ]),
      ],
      [
        graph('Function errors', fns.map(([name, fn]) => fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: name }))),
        graph('Function duration p99 (ms)', fns.map(([name, fn]) => fn.metricDuration({ period: PERIOD, statistic: 'p99', label: name }))),
      ],
      [
        graph('Function throttles', fns.map(([name, fn]) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label: name }))),
        graph('Queue depth (visible messages)', queueList.flatMap(({ definition, queue, deadLetterQueue }) => [
          queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: definition.name }),
          deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: `${definition.name} DLQ` }),
        ])),
      ],
      [
        graph('Age of oldest message (s)', queueList.flatMap(({ definition, queue, deadLetterQueue }) => [
          queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum', label: definition.name }),
          deadLetterQueue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum', label: `${definition.name} DLQ` }),
        ])),
        graph('Payments by provider', [
          business(BusinessMetric.paymentSucceeded, ['Provider'], 'succeeded'),
          business(BusinessMetric.paymentFailed, ['Provider', 'Reason'], 'not paid'),
        ]),
      ],
      [
        graph('VNPay IPN replies by RspCode', [business(BusinessMetric.ipnReply, ['RspCode'], 'RspCode')]),
        graph('Deliveries by status', [business(BusinessMetric.deliveryStatusChanged, ['Status'], 'status')]),
      ],
      [graph('Dossier events applied by type', [business(BusinessMetric.dossierEventApplied, ['EventType'], 'event')])],
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `toantrinh-${props.stage}`,
      defaultInterval: Duration.hours(6),
      widgets: rows,
    });
  }
}

function graph(title: string, left: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left, width: WIDE, height: HEIGHT });
}
