import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { DossierEventsNotSentError, type DossierEventPublisher } from './ports';
import type { DossierEvent } from './domain/events';
import { sqsMessageId } from '../../platform/sqs/message-ids';

/** The FIFO message of an event: grouped by dossier (ordered), deduplicated by event id. */
export function dossierEventMessage(event: DossierEvent, entryId: string): SendMessageBatchRequestEntry {
  return {
    Id: entryId,
    MessageBody: JSON.stringify(event),
    // Both are checked against SQS's character set: an event id may derive from a partner's id.
    MessageGroupId: sqsMessageId(event.dossierNo),
    MessageDeduplicationId: sqsMessageId(event.id),
    MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
  };
}

/** Sends dossier events to the FIFO queue, ten a call. */
export class SqsDossierEventPublisher implements DossierEventPublisher {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  /** Throws DossierEventsNotSentError naming every event of the call that failed and every later one. */
  async publish(events: readonly DossierEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const later = events.slice(i + 10).map((e) => e.id);
      let failed: string[];
      try {
        const result = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch.map((event, j) => dossierEventMessage(event, String(j))) }));
        failed = (result.Failed ?? []).map((f) => batch[Number(f.Id)]!.id);
        if (failed.length > 0) throw new DossierEventsNotSentError([...failed, ...later], `SQS refused ${failed.length} dossier event(s): ${(result.Failed ?? []).map((f) => f.Code).join(', ')}`);
      } catch (error) {
        if (error instanceof DossierEventsNotSentError) throw error;
        throw new DossierEventsNotSentError([...batch.map((e) => e.id), ...later], 'sending dossier events failed', { cause: error });
      }
    }
  }
}
