import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqsDossierEventPublisher } from '../../../../../shared/modules/dossiers/sqs-publisher';
import { isValidSqsId, sqsMessageId } from '../../../../../shared/platform/sqs/message-ids';

/** SQS's own rule, spelled differently from the implementation: printable ASCII without space, 1–128. */
const acceptedBySqs = (id: string) => id.length >= 1 && id.length <= 128 && [...id].every((c) => c.charCodeAt(0) >= 0x21 && c.charCodeAt(0) <= 0x7e);

describe('sqsMessageId', () => {
  it('always gives an id SQS accepts, whatever the input (spaces, Unicode, any length)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (raw) => acceptedBySqs(sqsMessageId(raw))));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => acceptedBySqs(sqsMessageId(raw))));
  });

  it('keeps a valid id as it is and is deterministic for the others', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 128 }).filter(acceptedBySqs), (raw) => sqsMessageId(raw) === raw));
    expect(sqsMessageId('sự kiện 42')).toBe(sqsMessageId('sự kiện 42'));
  });

  it('does not make two long ids with a shared prefix collide, as truncating to 128 did', () => {
    const prefix = 'x'.repeat(150);
    expect(sqsMessageId(`${prefix}-picked-up`)).not.toBe(sqsMessageId(`${prefix}-delivered`));
    expect(sqsMessageId('a b')).not.toBe(sqsMessageId('a  b'));
  });

  it('agrees with the SQS character set on its edges', () => {
    expect(isValidSqsId('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')).toBe(true);
    expect(isValidSqsId('a b')).toBe(false);
    expect(isValidSqsId('é')).toBe(false);
    expect(isValidSqsId('')).toBe(false);
    expect(isValidSqsId('a'.repeat(129))).toBe(false);
  });
});

describe('SqsDossierEventPublisher', () => {
  it('sends a deduplication id SQS accepts for an event id with spaces and Unicode', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const id = `delivery-dlv_1-sự kiện ${'x'.repeat(130)}`;
    await new SqsDossierEventPublisher(new SQSClient({}), 'https://sqs/q.fifo').publish([
      { type: 'DeliveryStatusChanged', version: 1, id, occurredAt: '2026-01-01T00:00:00.000Z', dossierNo: 'H31.26-1', deliveryId: 'dlv_1', status: 'DELIVERED' },
    ]);
    const entry = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input.Entries![0]!;
    expect(acceptedBySqs(entry.MessageDeduplicationId!)).toBe(true);
    expect(entry.MessageGroupId).toBe('H31.26-1');
    expect(JSON.parse(entry.MessageBody!).id).toBe(id);
    sqs.restore();
  });
});
