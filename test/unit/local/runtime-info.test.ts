import { describe, expect, it } from 'vitest';
import { maskSecret, startBanner } from '../../../local/runtime-info';
import { sandboxSettings } from '../../../local/sandboxes/settings';

const where = { baseUrl: 'http://127.0.0.1:3000', dataDir: undefined, dynamoDbEndpoint: 'http://127.0.0.1:1', sqsEndpoint: 'http://127.0.0.1:2' };

describe('Function: startBanner', () => {
  it('masks secrets an operator passed through the environment', () => {
    const env = {
      VNPAY_TMN_CODE: 'MERCHANT1',
      VNPAY_HASH_SECRET: 'Zq81realPartnerHashSecret0000000',
      VIETQR_WEBHOOK_SECRETS: 'new-vietqr-secret-2026,old-vietqr-secret-2025',
      POSTAL_WEBHOOK_SECRETS: 'short',
    };
    const banner = startBanner(where, env);
    for (const secret of ['Zq81realPartnerHashSecret0000000', 'new-vietqr-secret-2026', 'old-vietqr-secret-2025', 'short']) {
      expect(banner).not.toContain(secret);
    }
    expect(banner).toContain('VNPAY_HASH_SECRET=Zq…(32 chars)');
    expect(banner).toContain('VIETQR_WEBHOOK_SECRETS=ne…(22 chars),ol…(22 chars)');
    expect(banner).toContain('POSTAL_WEBHOOK_SECRETS=(set, 5 chars)');
    expect(banner).toContain('VNPAY_TMN_CODE=MERCHANT1');
  });

  it('shows the published sandbox defaults, which people need to sign test callbacks', () => {
    const defaults = sandboxSettings({});
    const banner = startBanner(where, {
      VNPAY_TMN_CODE: defaults.vnpayTmnCode,
      VNPAY_HASH_SECRET: defaults.vnpayHashSecret,
      VIETQR_WEBHOOK_SECRETS: defaults.vietqrWebhookSecrets.join(','),
      POSTAL_WEBHOOK_SECRETS: defaults.postalWebhookSecrets.join(','),
    });
    expect(banner).toContain(`VNPAY_HASH_SECRET=${defaults.vnpayHashSecret} (sandbox default)`);
    expect(banner).toContain(`POSTAL_WEBHOOK_SECRETS=${defaults.postalWebhookSecrets.join(',')} (sandbox default)`);
  });

  it('points at the demo and prints a registration and a payment that return to the demo', () => {
    const banner = startBanner(where, {});
    expect(banner).toContain('Demo:      http://127.0.0.1:3000/demo');
    expect(banner).toContain('curl -s -X PUT http://127.0.0.1:3000/v1/dossiers/$NO ');
    expect(banner).toContain('curl -s -X POST http://127.0.0.1:3000/v1/dossiers/$NO/payments ');
    expect(banner).toContain('"returnUrl":"http://127.0.0.1:3000/demo/return"');
  });

  it('keeps the addresses people need', () => {
    expect(startBanner(where, {})).toContain('http://127.0.0.1:3000/v1/openapi.json');
    expect(maskSecret('abcdefghijklmnop')).toBe('ab…(16 chars)');
  });
});
