import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MAX_QUEUE_DELAY_SECONDS } from './domain/retry-schedule';
import type { WebhookMessage } from './domain/delivery';
import type { WebhookQueue } from './ports';

/** The delivery queue (standard: the delivery row orders a webhook's attempts, the sequence orders a dossier's webhooks). */
export function sqsWebhookQueue(client: SQSClient, queueUrl: string): WebhookQueue {
  return {
    async send(message: WebhookMessage, delaySeconds = 0) {
      const delay = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds)));
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message), ...(delay > 0 ? { DelaySeconds: delay } : {}) }));
    },
  };
}
