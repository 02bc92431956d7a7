import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../platform/dynamodb/client';
import { definePart } from './part';

/* One file per SDK client: a function's bundle carries a client only if one of its parts needs it. */

export interface DynamoMembers {
  readonly documentClient: DynamoDBDocumentClient;
}

export const dynamo = /* @__PURE__ */ definePart<DynamoMembers>()('dynamo', [], (_c, { settings, once }) => ({
  get documentClient() {
    return once('documentClient', () => createDocumentClient(settings.aws));
  },
}));
