import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { silenceSdkNodeVersionWarning } from '../../shared/local/quiet-warnings';
import { REPO_ROOT, startLocalRuntime } from '../../shared/local/runtime';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dynamoDbEndpoint: string;
    sqsEndpoint: string;
    tableName: string;
  }
}

/** One local runtime for all integration files: DynamoDB Local, the SQS emulator, the API. */
export default async function setup(project: TestProject) {
  silenceSdkNodeVersionWarning();
  const runtime = await startLocalRuntime({
    port: 0,
    seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'),
    corsOrigins: ['https://portal.example.vn'],
    pollWaitSeconds: 1,
    logLevel: 'SILENT',
  });
  project.provide('baseUrl', runtime.baseUrl);
  project.provide('dynamoDbEndpoint', runtime.dynamoDbEndpoint);
  project.provide('sqsEndpoint', runtime.sqsEndpoint);
  project.provide('tableName', runtime.tableName);
  return () => runtime.stop();
}
