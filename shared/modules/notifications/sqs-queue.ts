import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NoticeQueue, NoticeQueueMessage } from './ports';

/** The outbound notifications queue (standard: notices need no order, the ledger row decides). */
export function sqsNoticeQueue(client: SQSClient, queueUrl: string): NoticeQueue {
  return {
    async send(message: NoticeQueueMessage, delaySeconds = 0) {
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message), ...(delaySeconds > 0 ? { DelaySeconds: Math.min(900, delaySeconds) } : {}) }));
    },
  };
}
