import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { sqsMessageId } from '../../platform/sqs/message-ids';
import type { PortalPushRequester } from './ports';

/** The message the sync consumer reads: which dossier to push (always its newest state). */
export interface PortalPushMessage {
  readonly dossierNo: string;
}

/**
 * Sends push requests to the FIFO queue, grouped by dossier (one dossier's pushes in order, others
 * never held up by it) and deduplicated by the caller's key (the dossier version).
 */
export function sqsPortalPushRequester(client: SQSClient, queueUrl: string): PortalPushRequester {
  return async (dossierNo, dedupKey) => {
    const message: PortalPushMessage = { dossierNo };
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(message),
        MessageGroupId: sqsMessageId(dossierNo),
        MessageDeduplicationId: sqsMessageId(`${dossierNo}:${dedupKey}`),
      }),
    );
  };
}
