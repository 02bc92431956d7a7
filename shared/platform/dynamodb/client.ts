import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientSettings } from '../config/aws';

/**
 * A document client for one container (shared/app/container.ts builds it once, outside the request
 * path). With no endpoint the SDK's own settings apply, so Lambda needs no local branch; the local
 * runtime passes its DynamoDB Local endpoint.
 */
export function createDocumentClient(settings: AwsClientSettings = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(settings.region ? { region: settings.region } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      ...(settings.endpoints?.dynamodb ? { endpoint: settings.endpoints.dynamodb } : {}),
    }),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
}
