import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { createMetrics, type MetricsWriter } from '../../platform/observability/metrics';

/** Metric names shared with the alarms (infra): change both together. */
export const NotificationMetric = {
  /** Per attempt, by Channel and Outcome (accepted, recipient, refused, temporary…). */
  noticeAttempt: 'NoticeAttempt',
  /** Days since the stored Zalo refresh token was issued; it dies at 3 months (alarm at 80 days). */
  zaloRefreshTokenAgeDays: 'ZaloRefreshTokenAgeDays',
} as const;

let writer: MetricsWriter | undefined | null = null;

function emit(name: string, unit: (typeof MetricUnit)[keyof typeof MetricUnit], value: number, dimensions: Readonly<Record<string, string>> = {}): void {
  if (writer === null) writer = createMetrics();
  if (!writer) return;
  for (const [key, v] of Object.entries(dimensions)) writer.addDimension(key, v);
  writer.addMetric(name, unit, value);
  writer.publishStoredMetrics();
}

export function noticeAttempted(channel: string, outcome: string): void {
  emit(NotificationMetric.noticeAttempt, MetricUnit.Count, 1, { Channel: channel, Outcome: outcome });
}

export function zaloRefreshTokenAge(days: number): void {
  emit(NotificationMetric.zaloRefreshTokenAgeDays, MetricUnit.Count, Math.round(days * 10) / 10);
}
