/**
 * How SDK clients reach AWS. Empty in Lambda, where the SDK's defaults (region, role credentials,
 * regional endpoints) apply; the local runtime names its emulators and their fixed credentials.
 */
export interface AwsClientSettings {
  readonly region?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** `ses`: the local runtime's email sandbox (SES v2 API). */
  readonly endpoints?: { readonly dynamodb?: string; readonly sqs?: string; readonly ses?: string };
}
