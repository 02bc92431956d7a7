import { describe, expect, it } from 'vitest';
import { loadPortalWebhookSettings, signingSecrets, webhookUrlFor } from '../../../../../shared/modules/portal-webhooks/settings';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../../../../../shared/modules/portal-webhooks/domain/retry-schedule';

describe('Settings: portal webhooks', () => {
  it('one URL per deployment, an agency may have its own, the GOV.UK schedule by default', () => {
    const settings = loadPortalWebhookSettings({ PORTAL_WEBHOOK_URL: 'https://dvc.gov.vn/hooks', PORTAL_WEBHOOK_AGENCY_URLS: 'HP-STP=https://stp.gov.vn/hooks?k=a=b, HP-SYT=https://syt.gov.vn/h' });
    expect(settings).toEqual({
      defaultUrl: 'https://dvc.gov.vn/hooks',
      agencyUrls: { 'HP-STP': 'https://stp.gov.vn/hooks?k=a=b', 'HP-SYT': 'https://syt.gov.vn/h' },
      timeoutMs: 10_000,
      schedule: DEFAULT_RETRY_SCHEDULE_SECONDS,
    });
    expect(webhookUrlFor(settings, 'HP-SYT')).toBe('https://syt.gov.vn/h');
    expect(webhookUrlFor(settings, 'HP-PX')).toBe('https://dvc.gov.vn/hooks');
  });

  it.each([
    [{}, /PORTAL_WEBHOOK_URL/],
    [{ PORTAL_WEBHOOK_URL: 'ftp://x' }, /PORTAL_WEBHOOK_URL/],
    [{ PORTAL_WEBHOOK_URL: 'https://x.vn', PORTAL_WEBHOOK_AGENCY_URLS: 'HP-STP' }, /PORTAL_WEBHOOK_AGENCY_URLS/],
    [{ PORTAL_WEBHOOK_URL: 'https://x.vn', PORTAL_WEBHOOK_RETRY_SCHEDULE: '60,soon' }, /retry schedule/],
  ])('%j fails the cold start naming the setting', (values, message) => {
    expect(() => loadPortalWebhookSettings(values)).toThrow(message);
  });

  it('signs with one or two secrets, newest first, and refuses more', async () => {
    expect(await signingSecrets(async () => ' new , old ')).toEqual(['new', 'old']);
    await expect(signingSecrets(async () => 'a,b,c')).rejects.toThrow(/PORTAL_WEBHOOK_SECRETS must hold 1 or 2/);
  });
});
