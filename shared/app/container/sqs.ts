import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../../platform/sqs/client';
import { definePart } from './part';

/* Its own file: only functions that send to a queue (or change a message's visibility) carry the SQS client. */

export interface SqsMembers {
  readonly sqsClient: SQSClient;
}

export const sqs = /* @__PURE__ */ definePart<SqsMembers>()('sqs', [], (_c, { settings, once }) => ({
  get sqsClient() {
    return once('sqsClient', () => createSqsClient(settings.aws));
  },
}));
