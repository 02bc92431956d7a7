import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ContextKeys, readStackConfig } from '../../infra/config';
import { cdkJsonContext, PROD_CONTEXT } from './support';

const read = (context: Record<string, unknown>) => readStackConfig(new App({ context: { ...cdkJsonContext(), ...context } }));

/** The message readStackConfig throws, or '' when it accepts the context. */
function refusal(context: Record<string, unknown>): string {
  try {
    read(context);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('deploy guard: only dev may run on example settings', () => {
  it('dev synthesizes with the example values cdk.json ships, without an alarm e-mail', () => {
    expect(cdkJsonContext()['toantrinh:stage']).toBe('dev');
    expect(read({}).stage).toBe('dev');
  });

  it('prod with the real-looking settings above is accepted', () => {
    const config = read(PROD_CONTEXT);
    expect(config.stage).toBe('prod');
    expect(config.alarmEmail).toBe('vanhanh@haiphong.gov.vn');
    expect(config.providerSettings.payments.VNPAY_PAYMENT_URL).toBe('https://pay.vnpay.vn/vpcpay.html');
  });

  it('prod left on cdk.json refuses every example setting in one message, naming each', () => {
    const message = refusal({ 'toantrinh:stage': 'prod' });
    expect(message).toMatch(/Stage "prod" cannot be deployed/);
    const named = Object.values(ContextKeys).filter((key) => message.includes(`${key}:`));
    // Every setting but the stage, and the bank BIN, which is a real bank's (see deploy-guard.ts).
    expect(named.sort()).toEqual(
      Object.values(ContextKeys)
        .filter((key) => key !== ContextKeys.stage && key !== ContextKeys.vietqrBankBin)
        .sort(),
    );
    expect(message).toMatch(/toantrinh:alarmEmail: missing/);
    expect(message).toMatch(/toantrinh:vnpayPaymentUrl: "https:\/\/sandbox\.vnpayment\.vn\/paymentv2\/vpcpay\.html" is a sandbox value/);
    expect(message).toMatch(/toantrinh:vnpayTmnCode: "TOANTR01" is the example value from cdk\.json/);
  });

  it.each([
    ['a sample merchant code', { 'toantrinh:vnpayTmnCode': 'TOANTR01' }, /toantrinh:vnpayTmnCode: "TOANTR01" is the example value/],
    ['the sample treasury account', { 'toantrinh:vietqrAccountNo': '113366668888' }, /toantrinh:vietqrAccountNo/],
    ['the VNPay sandbox API', { 'toantrinh:vnpayApiUrl': 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction' }, /toantrinh:vnpayApiUrl: .* is a sandbox value/],
    ['the example JWT issuer', { 'toantrinh:jwtIssuer': 'https://auth.example.gov.vn/realms/portal' }, /toantrinh:jwtIssuer: .* is an example URL/],
    ['a missing alarm e-mail', { 'toantrinh:alarmEmail': '' }, /toantrinh:alarmEmail: missing/],
    ['an absent alarm e-mail', { 'toantrinh:alarmEmail': undefined }, /toantrinh:alarmEmail: missing/],
    ['an alarm e-mail at an example domain', { 'toantrinh:alarmEmail': 'ops@example.gov.vn' }, /toantrinh:alarmEmail: .* is an example address/],
    ['an alarm e-mail that is no address', { 'toantrinh:alarmEmail': 'ops' }, /toantrinh:alarmEmail: "ops" is not an e-mail address/],
    ['a plain-http carrier API', { 'toantrinh:postalApiUrl': 'http://donhang.vnpost.vn/api' }, /toantrinh:postalApiUrl: .* is not an https:\/\/ URL/],
    ['one example origin among real ones', { 'toantrinh:portalOrigins': 'https://dichvucong.haiphong.gov.vn,https://dichvucong.example.gov.vn' }, /toantrinh:portalOrigins: "https:\/\/dichvucong\.example\.gov\.vn" is an example URL/],
    ['a sandbox account name', { 'toantrinh:vietqrAccountName': 'KHO BAC NHA NUOC (SANDBOX)' }, /toantrinh:vietqrAccountName: .* is a sandbox value/],
  ])('prod with %s fails and names the setting alone', (_name, override, expected) => {
    const message = refusal({ ...PROD_CONTEXT, ...override });
    expect(message).toMatch(expected);
    // Only the offending setting is named: the real values above pass.
    expect(message.match(/^ {2}toantrinh:/gm)).toHaveLength(1);
  });

  it('applies to every stage other than dev', () => {
    expect(refusal({ 'toantrinh:stage': 'staging', 'toantrinh:alarmEmail': '' })).toMatch(/Stage "staging"[\s\S]*toantrinh:alarmEmail: missing/);
  });
});
