import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { sqsMessageId } from './message-ids';

export interface RedriveTarget {
  readonly deadLetterUrl: string;
  readonly queueUrl: string;
  readonly fifo: boolean;
}

/**
 * Moves messages from a dead-letter queue back to its source queue once the cause is fixed. FIFO
 * messages keep their group (so a dossier's order holds) and get a fresh deduplication id, since the
 * queue would drop a repeat of the original id within five minutes; consumers are idempotent by event.
 */
export async function redriveDeadLetters(client: SQSClient, target: RedriveTarget, max = 1_000): Promise<number> {
  let moved = 0;
  while (moved < max) {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: target.deadLetterUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 60,
        MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
        MessageAttributeNames: ['All'],
      }),
    );
    if (!Messages || Messages.length === 0) break;
    for (const message of Messages) {
      const group = message.Attributes?.MessageGroupId;
      await client.send(
        new SendMessageCommand({
          QueueUrl: target.queueUrl,
          MessageBody: message.Body ?? '',
          ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
          ...(target.fifo ? { MessageGroupId: sqsMessageId(group ?? 'redrive'), MessageDeduplicationId: sqsMessageId(`${message.MessageId}-redrive-${Date.now()}`) } : {}),
        }),
      );
    }
    await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: target.deadLetterUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    moved += Messages.length;
  }
  return moved;
}
