import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../../../shared/app/settings';
import { createSecretReader } from '../../../../shared/platform/config/secrets';

describe('Function: settingsFromEnv', () => {
  it('reads what the stack gives a function: table, queues, origins, secrets prefix, the rest by name', () => {
    // Prepare
    const env = {
      STAGE: 'prod',
      TABLE_NAME: 'toantrinh-prod-main',
      DOSSIER_EVENTS_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/1/dossier-events.fifo',
      CORS_ALLOWED_ORIGINS: 'https://a.gov.vn, https://b.gov.vn',
      SECRETS_PARAMETER_PREFIX: '/toantrinh/prod/',
      VNPAY_TMN_CODE: 'TMN1',
    };

    // Act
    const settings = settingsFromEnv(env);

    // Assess
    expect(settings).toMatchObject({
      stage: 'prod',
      aws: {},
      tableName: 'toantrinh-prod-main',
      queueUrls: { dossierEvents: env.DOSSIER_EVENTS_QUEUE_URL },
      corsOrigins: ['https://a.gov.vn', 'https://b.gov.vn'],
      secrets: { parameterPrefix: '/toantrinh/prod/' },
    });
    expect(settings.values.VNPAY_TMN_CODE).toBe('TMN1');
    expect(settings.queueUrls.postalOrders).toBeUndefined();
  });

  it('takes secrets given by value (a local run) and leaves missing or empty ones to SSM', async () => {
    const settings = settingsFromEnv({ VNPAY_HASH_SECRET: 'local-secret', POSTAL_WEBHOOK_SECRETS: '' });
    const fetched: string[] = [];
    const read = createSecretReader({ ...settings.secrets, parameterPrefix: '/p/' }, async (path) => (fetched.push(path), 'from-ssm'));
    expect(await read('VNPAY_HASH_SECRET')).toBe('local-secret');
    expect(await read('POSTAL_WEBHOOK_SECRETS')).toBe('from-ssm');
    expect(fetched).toEqual(['/p/postal-webhook-secrets']);
    expect(settings.tableName).toBeUndefined();
  });

  it('copies the values: a later change to the record does not change the settings', () => {
    const env: Record<string, string> = { CORS_ALLOWED_ORIGINS: 'https://a.gov.vn' };
    const settings = settingsFromEnv(env);
    env.VNPAY_TMN_CODE = 'LATER';
    expect(settings.values.VNPAY_TMN_CODE).toBeUndefined();
  });
});
