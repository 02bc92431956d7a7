import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DossierEventPublisher } from './ports';
import type { DossierEvent } from './domain/events';
import { sqsMessageId } from '../../platform/sqs/message-ids';

/** Sends dossier events to the FIFO queue: grouped by dossier (ordered), deduplicated by event id. */
export class SqsDossierEventPublisher implements DossierEventPublisher {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async publish(events: readonly DossierEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((event, j) => ({
            Id: String(j),
            MessageBody: JSON.stringify(event),
            // Both are checked against SQS's character set: an event id may derive from a partner's id.
            MessageGroupId: sqsMessageId(event.dossierNo),
            MessageDeduplicationId: sqsMessageId(event.id),
            MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        throw new Error(`SQS refused ${result.Failed.length} dossier event(s): ${result.Failed.map((f) => f.Code).join(', ')}`);
      }
    }
  }
}
