import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsClientSettings } from '../config/aws';

/**
 * An SQS client for one container. Queue URLs are not used as endpoints: in AWS their host is the
 * regional endpoint anyway, and the local emulator's URLs name a host that only its own endpoint serves.
 */
export function createSqsClient(settings: AwsClientSettings = {}): SQSClient {
  return new SQSClient({
    useQueueUrlAsEndpoint: false,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(settings.endpoints?.sqs ? { endpoint: settings.endpoints.sqs } : {}),
  });
}
