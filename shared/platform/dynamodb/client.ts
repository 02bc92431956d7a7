import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MainTable } from '../config/resources';
import { requiredEnv } from '../config/env';

let shared: DynamoDBDocumentClient | undefined;

/**
 * One client per Lambda container, created on first use outside the request path. The endpoint comes
 * from the SDK's own settings (AWS_ENDPOINT_URL_DYNAMODB locally), so handlers have no local branch.
 */
export function documentClient(): DynamoDBDocumentClient {
  shared ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return shared;
}

export function mainTableName(): string {
  return requiredEnv(MainTable.envVar);
}
