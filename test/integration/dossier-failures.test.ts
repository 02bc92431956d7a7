import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DossierStore } from '../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import { applyEventToDossier } from '../../shared/modules/dossiers/use-cases/apply-dossier-events';
import type { DossierReaction } from '../../shared/modules/dossiers/reactions';
import { systemClock, vietnamDate } from '../../shared/platform/kernel/time';
import { devToken, registerOnlineDossier } from '../support/api-client';
import { runOperatorScript } from '../support/operator';
import { documents, dossierStore, kpiCountsOfMonth, sendDossierEvent, sqs, uniqueCode, until } from '../support/emulators';

const queue = sqs();
const store = dossierStore();
afterAll(() => queue.destroy());

let agency: string;
let token: string;
beforeAll(async () => {
  agency = uniqueCode('HP');
  token = await devToken({ role: 'agency', agency });
});

// Registration refuses a submittedAt older than SUBMITTED_AT_MAX_AGE_DAYS (30): submit two days ago.
const submittedAt = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
const register = (no = uniqueCode('H31.26')) =>
  registerOnlineDossier(token, agency, { citizenId: '031099012345', fullName: 'Trần Thị B', phone: '0987654321' }, no, { submittedAt, inputs: { pages: 1 } });

const payment = (no: string): DossierEvent => ({
  type: 'PaymentSucceeded', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no,
  paymentId: `pay-${randomUUID()}`, provider: 'vietqr', amount: 2_000, paidAt: new Date().toISOString(),
});

const kpi = () => kpiCountsOfMonth(agency, vietnamDate(new Date(submittedAt)).slice(0, 7));

async function dlqDepth(): Promise<number> {
  const { Attributes } = await queue.send(
    new GetQueueAttributesCommand({ QueueUrl: inject('dossierEventsDlqUrl'), AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

describe('A poison message', () => {
  it('reaches the DLQ after maxReceiveCount and is applied once redriven after the fix', async () => {
    const no = uniqueCode('H31.26'); // not registered yet: the event cannot be applied
    const event = payment(no);
    const depthBefore = await dlqDepth();
    await sendDossierEvent(queue, event);
    await queue.send(new SendMessageCommand({ QueueUrl: inject('dossierEventsQueueUrl'), MessageBody: '{not json', MessageGroupId: 'garbage', MessageDeduplicationId: randomUUID() }));
    await until(dlqDepth, (depth) => depth >= depthBefore + 2, 40_000);

    await register(no); // the cause is fixed
    const result = runOperatorScript('scripts/dlq-redrive.ts', ['dossierEvents'], {
      DOSSIER_EVENTS_QUEUE_URL: inject('dossierEventsQueueUrl'),
      DOSSIER_EVENTS_DLQ_URL: inject('dossierEventsDlqUrl'),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Moved [1-9]\d* message\(s\)/);

    const dossier = await until(() => store.get(no), (d) => d?.status === 'PROCESSING');
    expect(dossier!.payments).toHaveLength(1);
  }, 90_000);
});

describe('A crash between the state write and the acknowledgement', () => {
  it('loses nothing and applies nothing twice when the event is redelivered', async () => {
    const no = await register();
    await until(kpi, (k) => k.dossiers >= 1); // DossierRegistered counted
    const before = await kpi();
    const crashing: DossierStore = {
      get: (n) => store.get(n),
      create: (d, e) => store.create(d, e),
      enqueue: (e) => store.enqueue(e),
      applyEvent: async (applied) => {
        await store.applyEvent(applied);
        throw new Error('process died before the message was acknowledged');
      },
    };
    const event = payment(no);
    await expect(applyEventToDossier(crashing, systemClock, event)).rejects.toThrow('process died');
    expect(await applyEventToDossier(store, systemClock, event)).toBe('duplicate');

    const dossier = await store.get(no);
    expect(dossier).toMatchObject({ status: 'PROCESSING', amountDue: 0 });
    expect(dossier!.payments).toHaveLength(1);
    expect(dossier!.timeline.filter((t) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
    expect((await kpi()).paidOnline).toBe(before.paidOnline + 1);
  });
});

describe('A follow-up lost with a crash after the write', () => {
  it('runs again when the event is redelivered, on the state as it is now', async () => {
    const no = await register();
    const event = payment(no);
    const seen: string[] = [];
    const dies: DossierReaction = { name: 'dies', when: () => true, run: async () => {
      throw new Error('process died before the follow-up');
    } };
    const records: DossierReaction = { name: 'records', when: () => true, run: async (d) => void seen.push(d.status) };
    await expect(applyEventToDossier(store, systemClock, event, [dies])).rejects.toThrow('process died');
    const outcome = await applyEventToDossier(store, systemClock, event, [records]);
    expect(outcome).toBe('duplicate');
    expect(seen).toEqual(['PROCESSING']);
  });
});

async function failureDepth(): Promise<number> {
  const { Attributes } = await queue.send(
    new GetQueueAttributesCommand({ QueueUrl: inject('dossierOutboxFailuresUrl'), AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

describe('The table stream publishes the outbox', () => {
  it('publishes an event whose request died right after the write (no one sent it)', async () => {
    const no = await register();
    const event = payment(no);
    await store.enqueue([event]); // written, never published by the writer
    await until(() => store.get(no), (d) => d?.status === 'PROCESSING');
  });

  it('retries a record that fails, then describes it on the failure queue and goes on; redrive publishes it once fixed, applied once', async () => {
    const poisoned = await register();
    const event = payment(poisoned);
    const depthBefore = await failureDepth();
    // A row no writer of ours would make: its event does not parse, so publishing it fails every time.
    const db = documents();
    await db.send(new PutCommand({ TableName: inject('tableName'), Item: { pk: `DOSSIER#${poisoned}`, sk: `OUTBOX#${event.id}`, event: { ...event, amount: 'a lot' } } }));
    const behind = await register();
    await store.enqueue([payment(behind)]); // after the poison in the stream
    await until(failureDepth, (depth) => depth >= depthBefore + 1, 30_000);
    await until(() => store.get(behind), (d) => d?.status === 'PROCESSING');
    expect((await store.get(poisoned))!.status).toBe('AWAITING_PAYMENT');

    // The failure record says where the record is, not what it holds.
    const { Messages } = await queue.send(new ReceiveMessageCommand({ QueueUrl: inject('dossierOutboxFailuresUrl'), MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    const infos = (Messages ?? []).map((m) => JSON.parse(m.Body!).DDBStreamBatchInfo);
    expect(infos).toContainEqual(expect.objectContaining({ shardId: expect.any(String), startSequenceNumber: expect.any(String), streamArn: expect.stringContaining('/stream/') }));

    // The cause fixed (here the row, which the stream then carries by itself; after an SQS outage
    // longer than the retries nothing would): redrive publishes what the failure record names, from
    // the row as it is now. The queue and the consumer drop the repeat.
    await db.send(new PutCommand({ TableName: inject('tableName'), Item: { pk: `DOSSIER#${poisoned}`, sk: `OUTBOX#${event.id}`, event, emittedAt: 'repaired' } }));
    const result = runOperatorScript('scripts/dlq-redrive.ts', ['dossierOutbox'], {
      DOSSIER_OUTBOX_FAILURES_QUEUE_URL: inject('dossierOutboxFailuresUrl'),
      DOSSIER_EVENTS_QUEUE_URL: inject('dossierEventsQueueUrl'),
      TABLE_NAME: inject('tableName'),
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: inject('dynamoDbEndpoint'),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Re-published [1-9]\d* dossier event\(s\)/);
    const dossier = await until(() => store.get(poisoned), (d) => d?.status === 'PROCESSING');
    expect(dossier!.timeline.filter((t) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
    expect(await failureDepth()).toBe(0);
  }, 90_000);
});
