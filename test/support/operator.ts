import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { localCredentials } from '../../local/emulators/credentials';
import { REPO_ROOT } from '../../local/runtime';

/** Runs an operator command exactly as documented, against the test runtime's emulators. */
export function runOperatorScript(script: string, args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      TABLE_NAME: inject('tableName'),
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
      AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      NODE_NO_WARNINGS: '1',
      ...env,
    },
  });
}
