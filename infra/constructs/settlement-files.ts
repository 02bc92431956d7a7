import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Where the providers' day-T settlement files are delivered (VNPay's file by e-mail or SFTP, the
 * bank's statement export), one object per provider and Viet Nam date under SETTLEMENT_KEY_PATTERN
 * (default `{provider}/{date}.csv`), for the daily reconciliation to read. Money records: encrypted,
 * never public, TLS only, every version kept, and kept when the stack goes.
 */
export class SettlementFiles extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A file replaced after its day was reconciled keeps the version that was reconciled.
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'A few objects a day, written by the operator or the providers\u2019 delivery and read by one function; object-level access is ' +
        'audited through CloudTrail data events, and a separate access-log bucket would add resources to a stack near its 500 limit.',
    });
  }

  /**
   * Read access for the reconciliation: GetObject on the bucket's objects, and ListBucket on the
   * bucket so that a file not yet delivered answers NoSuchKey (404) rather than AccessDenied.
   */
  grantRead(grantee: IGrantable & Construct): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects('*')] }));
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
  }
}
