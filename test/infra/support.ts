import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, type BuiltApp } from '../../infra/build-app';
import { REPO_ROOT } from '../../infra/paths';
import type { ToantrinhStackProps } from '../../infra/stacks/toantrinh-stack';
import { Functions, type FunctionDefinition } from '../../shared/app/functions';
import { FIXTURE_ENTRY } from './fixtures/definitions';

export { FIXTURE_ENTRY };

/** The context `cdk synth` sees: cdk.json (feature flags included) plus per-test overrides. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** Settings an operator would pass for production: nothing from cdk.json, no sandbox, no example domain. */
export const PROD_CONTEXT: Record<string, string> = {
  'toantrinh:stage': 'prod',
  'toantrinh:jwtIssuer': 'https://sso.dichvucong.gov.vn/realms/citizens',
  'toantrinh:jwtAudience': 'haiphong-fees',
  'toantrinh:portalOrigins': 'https://dichvucong.haiphong.gov.vn',
  'toantrinh:alarmEmail': 'vanhanh@haiphong.gov.vn',
  'toantrinh:publicBaseUrl': 'https://api.dichvucong.haiphong.gov.vn',
  'toantrinh:vnpayTmnCode': 'HPSTC001',
  'toantrinh:vnpayPaymentUrl': 'https://pay.vnpay.vn/vpcpay.html',
  'toantrinh:vnpayApiUrl': 'https://merchant.vnpay.vn/merchant_webapi/api/transaction',
  'toantrinh:vietqrBankBin': '970415',
  'toantrinh:vietqrAccountNo': '7111012345678',
  'toantrinh:vietqrAccountName': 'KBNN HAI PHONG - THU PHI LE PHI',
  'toantrinh:nationalPlatformPartnerCode': 'HPSTC-PP01',
  'toantrinh:nationalPlatformApiUrl': 'https://paymentplatform.dichvucong.gov.vn/api',
  'toantrinh:nationalPlatformAccountNo': '3511012345678',
  'toantrinh:nationalPlatformBankCode': '01201001',
  'toantrinh:nationalPlatformAccountName': 'KBNN HAI PHONG - THU PHI LE PHI',
  'toantrinh:postalApiUrl': 'https://donhang.vnpost.vn/api',
  'toantrinh:postalApiUsername': 'kbnn-haiphong',
  'toantrinh:nationalPortalUrl': 'https://lgsp.haiphong.gov.vn/api',
  'toantrinh:nationalPortalUsername': 'dvc-haiphong-thuphi',
  'toantrinh:nationalPortalDstcode': 'H31',
  'toantrinh:nationalPortalUnitCode': '000.00.31.H31',
  'toantrinh:receiptApiUrl': 'https://haiphongadmin.vnpt-invoice.com.vn',
  'toantrinh:receiptApiAccount': 'stc-haiphong-admin',
  'toantrinh:receiptApiUsername': 'stc-haiphong-ws',
  'toantrinh:receiptPdfUrlTemplate': 'https://haiphong.vnpt-invoice.com.vn/tra-cuu/{fkey}',
  'toantrinh:zaloAppId': '2847562910384756102',
  'toantrinh:zaloTemplateIds': 'payment_received=318201,payment_failed=318202,result_ready=318204',
  'toantrinh:esmsBrandname': 'HAIPHONG-DVC',
  'toantrinh:notificationEmailFrom': 'thongbao@dichvucong.haiphong.gov.vn',
  'toantrinh:notificationPayAgainUrl': 'https://dichvucong.haiphong.gov.vn/ho-so/{dossierNo}/thanh-toan',
  'toantrinh:portalWebhookUrl': 'https://dichvucong.haiphong.gov.vn/api/toantrinh-webhooks',
};

/** Skips esbuild: NodejsFunction then emits a placeholder asset instead of bundling. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] } as const;


/**
 * Same definitions, entries pointed at a fixture: these tests check wiring, and must not depend
 * on handlers that are written separately (functions.test.ts checks that the real entries exist).
 */
export function withFixtureEntries(definitions: readonly FunctionDefinition[]): FunctionDefinition[] {
  return definitions.map((definition) => ({ ...definition, entry: FIXTURE_ENTRY }));
}

export interface TestBuildOptions {
  readonly context?: Record<string, unknown>;
  readonly overrides?: Omit<ToantrinhStackProps, 'config'>;
  /** Run esbuild for real (slow); by default assets are placeholders. */
  readonly bundle?: boolean;
  /**
   * Run CDK's built-in CloudFormation schema validation on synth, as `cdk synth` does. It costs
   * seconds per synth, so only the cdk-nag test, which mirrors `cdk synth`, turns it on.
   */
  readonly cloudFormationValidation?: boolean;
}

export function buildTestApp(options: TestBuildOptions = {}): BuiltApp {
  return buildApp(
    { ...cdkJsonContext(), ...(options.bundle ? {} : SKIP_BUNDLING), ...options.context },
    options.overrides,
    { builtinCloudFormationValidation: options.cloudFormationValidation ?? false },
  );
}

export function templateOf(built: BuiltApp): Template {
  return Template.fromStack(built.stack);
}

/** Logical id of a construct's CloudFormation resource, as cdk-nag and Ref/GetAtt see it. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

export const getAtt = (id: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [id, attribute] });
export const ref = (id: string) => ({ Ref: id });

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every Allow statement that reaches the role of the function with the given FunctionName. */
export function statementsOfFunction(template: Template, functionName: string): Statement[] {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: functionName },
  });
  const [fn] = Object.values(functions);
  if (!fn) throw new Error(`No function named ${functionName}`);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const role = template.toJSON().Resources[roleId];
  if (role.Properties.ManagedPolicyArns?.length || role.Properties.Policies?.length) {
    throw new Error(`Role of ${functionName} has managed or inline policies; expected only attached policies`);
  }
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(ref(roleId))),
  );
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const resourcesOf = (statement: Statement): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

/** The real function list pointed at the fixture handler, synthesized once per test file. */
export function fixtureStack(): { stack: BuiltApp['stack']; template: Template } {
  const built = buildTestApp({ overrides: { functions: withFixtureEntries(Functions) } });
  return { stack: built.stack, template: templateOf(built) };
}
