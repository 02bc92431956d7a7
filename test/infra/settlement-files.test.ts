import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { actionsOf, fixtureStack, resourcesOf, statementsOfFunction } from './support';

const { template } = fixtureStack();
const fnName = (name: string) => `toantrinh-dev-${name}`;
const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket'));

describe('Settlement files: the bucket the daily reconciliation reads', () => {
  it('is one bucket: encrypted, never public, versioned, kept when the stack goes', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
      },
    });
  });

  it('refuses every request that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('is read by ReconcileSettlements alone: GetObject on its objects, ListBucket on it, its name in SETTLEMENT_BUCKET', () => {
    const s3 = statementsOfFunction(template, fnName('ReconcileSettlements')).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.map((s) => [actionsOf(s), resourcesOf(s)])).toEqual([
      [['s3:GetObject'], [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }]],
      [['s3:ListBucket'], [{ 'Fn::GetAtt': [bucketId, 'Arn'] }]],
    ]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: fnName('ReconcileSettlements'),
      Environment: { Variables: Match.objectLike({ SETTLEMENT_BUCKET: { Ref: bucketId } }) },
    });
  });

  it.each(Functions.filter((f) => f.name !== 'ReconcileSettlements').map((f) => [f.name]))('%s has no S3 access', (name) => {
    expect(statementsOfFunction(template, fnName(name)).flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('names the bucket in the stack output the operator puts files by', () => {
    template.hasOutput('SettlementBucketName', { Value: { Ref: bucketId } });
  });
});
