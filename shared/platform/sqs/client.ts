import { SQSClient } from '@aws-sdk/client-sqs';

let shared: SQSClient | undefined;

/**
 * One SQS client per container; the endpoint comes from the SDK's settings (AWS_ENDPOINT_URL_SQS
 * locally). Queue URLs are not used as endpoints: in AWS their host is the regional endpoint anyway,
 * and the local emulator's URLs name a host that only its own endpoint serves.
 */
export function sqsClient(): SQSClient {
  shared ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return shared;
}
