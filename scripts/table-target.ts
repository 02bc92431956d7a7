import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, LOCAL_REGION } from '../local/emulators/credentials';
import { readRuntimeInfo } from '../local/runtime-info';

export interface TableTarget {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly where: string;
}

/** The table an operator command writes to: TABLE_NAME with the AWS defaults, or the running local runtime. */
export function tableTarget(local: boolean): TableTarget {
  if (local) {
    const info = readRuntimeInfo(process.env.DATA_DIR ?? '.local/data');
    return {
      client: new DynamoDBClient({ endpoint: info.dynamoDbEndpoint, region: LOCAL_REGION, credentials: localCredentials }),
      tableName: info.tableName,
      where: `local runtime (${info.dynamoDbEndpoint})`,
    };
  }
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('Set TABLE_NAME to the main table (or pass --local for the local runtime)');
  return { client: new DynamoDBClient({}), tableName, where: `table ${tableName}` };
}
