import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStackConfig } from '../../infra/config';
import { buildTestApp, cdkJsonContext, PROD_CONTEXT, withFixtureEntries } from './support';
import { Functions } from '../../shared/app/functions';

const read = (overrides: Record<string, unknown>) =>
  readStackConfig(new App({ context: { ...cdkJsonContext(), ...overrides } }));

describe('stack configuration from context', () => {
  it('reads the toantrinh:* keys of cdk.json', () => {
    const context = cdkJsonContext();
    const config = read({});
    expect(config.stage).toBe(context['toantrinh:stage']);
    expect(config.jwtIssuer).toBe(context['toantrinh:jwtIssuer']);
    expect(config.jwtAudience).toBe(context['toantrinh:jwtAudience']);
    expect(config.portalOrigins.join(',')).toBe(context['toantrinh:portalOrigins']);
    expect(config.alarmEmail).toBe(context['toantrinh:alarmEmail'] ?? '');
  });

  it('splits and trims the portal origins', () => {
    expect(read({ 'toantrinh:portalOrigins': ' https://a.gov.vn, https://b.gov.vn:8443 ,' }).portalOrigins).toEqual([
      'https://a.gov.vn',
      'https://b.gov.vn:8443',
    ]);
  });

  it.each([
    [{ 'toantrinh:jwtIssuer': '' }, /Missing context toantrinh:jwtIssuer/],
    [{ 'toantrinh:jwtIssuer': 'http://insecure.example' }, /must be an https:\/\/ URL/],
    [{ 'toantrinh:jwtAudience': undefined }, /Missing context toantrinh:jwtAudience/],
    [{ 'toantrinh:portalOrigins': 'https://portal.gov.vn/path' }, /is not an origin/],
    [{ 'toantrinh:stage': 'Prod_1' }, /toantrinh:stage must match/],
  ])('rejects %o', (overrides, error) => {
    expect(() => read(overrides)).toThrow(error);
  });

  it('names the stack after the stage', () => {
    const { stack } = buildTestApp({
      // A stage other than dev needs real settings (deploy-guard.test.ts).
      context: { ...PROD_CONTEXT, 'toantrinh:stage': 'staging' },
      overrides: { functions: withFixtureEntries(Functions) },
    });
    expect(stack.stackName).toBe('Toantrinh-staging');
  });
});
