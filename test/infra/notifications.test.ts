import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { NotificationMetric } from '../../shared/modules/notifications/metrics';
import { buildTestApp, statementsOfFunction, templateOf, actionsOf, resourcesOf } from './support';

const built = buildTestApp();
const template = templateOf(built);
const fnName = (name: string) => `toantrinh-dev-${name}`;

describe('Notifications in the stack', () => {
  it('the sender alone may send e-mail, and only as the configured identity (address and its domain)', () => {
    for (const f of Functions) {
      const ses = statementsOfFunction(template, fnName(f.name)).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
      if (f.name !== 'SendNotifications') {
        expect(ses, f.name).toEqual([]);
        continue;
      }
      expect(ses.flatMap(actionsOf)).toEqual(['ses:SendEmail']);
      const resources = JSON.stringify(ses.flatMap(resourcesOf));
      expect(resources).toContain(':identity/thongbao@dichvucong.example.gov.vn');
      expect(resources).toContain(':identity/dichvucong.example.gov.vn');
      expect(resources).not.toContain('*');
    }
  });

  it('has the notifications queue with its dead-letter queue, consumed by SendNotifications', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'notifications' });
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'notifications-dlq' });
    const mappings = JSON.stringify(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toContain('Notifications');
  });

  it('alarms when the Zalo refresh token passes 80 days', () => {
    Template.fromStack(built.stack.monitoring).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: NotificationMetric.zaloRefreshTokenAgeDays, Threshold: 80, Statistic: 'Maximum' });
  });

  it('gives the webhook no table and the Zalo OA secret only', () => {
    const webhook = Functions.find((f) => f.name === 'ZaloWebhook')!;
    expect(webhook.access).toMatchObject({ sendTo: ['notifications'], secrets: ['ZALO_OA_SECRET_KEY'] });
    expect(webhook.access.table).toBeUndefined();
  });
});
