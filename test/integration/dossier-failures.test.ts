import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SqsDossierEventPublisher } from '../../shared/modules/dossiers/sqs-publisher';
import type { DossierStore } from '../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import { applyEventToDossier } from '../../shared/modules/dossiers/use-cases/apply-dossier-events';
import { relayOutbox } from '../../shared/modules/dossiers/use-cases/relay-outbox';
import type { DossierReaction } from '../../shared/modules/dossiers/reactions';
import { systemClock, vietnamDate } from '../../shared/platform/kernel/time';
import { devToken, registerOnlineDossier } from '../support/api-client';
import { runOperatorScript } from '../support/operator';
import { dossierStore, kpiCountsOfMonth, sendDossierEvent, sqs, uniqueCode, until } from '../support/emulators';

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

describe('The outbox relay', () => {
  it('publishes an event whose request died after the write, and clears it', async () => {
    const no = await register();
    const event = payment(no);
    await store.enqueue([event]); // written, never published
    const publisher = new SqsDossierEventPublisher(queue, inject('dossierEventsQueueUrl'));
    const relayed = await relayOutbox(store, publisher, new Date(Date.now() + 60_000));
    expect(relayed).toBeGreaterThanOrEqual(1);
    await until(() => store.get(no), (d) => d?.status === 'PROCESSING');
    expect((await store.pending(new Date(Date.now() + 60_000), 100)).map((e) => e.id)).not.toContain(event.id);
  });
});
