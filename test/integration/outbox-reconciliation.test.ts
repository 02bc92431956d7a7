import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoPaymentStore } from '../../shared/modules/payments/dynamodb';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { systemClock } from '../../shared/platform/kernel/time';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import { paymentSucceededEvent, reconcilePayments } from '../../shared/modules/payments/use-cases/reconcile-payments';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { documents, dossierStore, sendDossierEvent, sqs, uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';

/** The month a dossier's counters fall in: its submission day in Viet Nam. */
const kpiMonth = (submittedAt: string) => vietnamDate(new Date(submittedAt)).slice(0, 7);

const CITIZEN = '079099054321';
const store = dossierStore();
const db = documents();
const payments = new DynamoPaymentStore(db, inject('tableName'));
const queue = sqs();
afterAll(() => queue.destroy());

let agency: string;
let agencyToken: string;
let citizenToken: string;
beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const registerOwing = () => registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Phạm Thị D', phone: '0912000222' }, uniqueCode('H31.26'));

async function pay(no: string): Promise<{ paymentId: string; redirectUrl: string }> {
  const res = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);
const outboxRow = (no: string, id: string) => db.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `DOSSIER#${no}`, sk: `OUTBOX#${id}` }, ConsistentRead: true })).then((r) => r.Item);
const paymentItem = (id: string) => db.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `PAYMENT#${id}`, sk: 'PAYMENT' }, ConsistentRead: true })).then((r) => r.Item);

/** The state the issue found: the payment succeeded, its event never reached the dossier, no outbox row. */
async function succeededButLost(no: string): Promise<string> {
  const { paymentId } = await pay(no);
  const before = (await payments.get(paymentId))!;
  const at = new Date().toISOString();
  await payments.settle({
    before,
    after: { ...before, status: 'succeeded', completedAt: at, providerTransactionId: String(Date.now()).slice(-8), version: before.version + 1 },
    ledger: { paymentId, provider: 'vnpay', kind: 'callback', outcome: 'succeeded', at },
    events: [],
  });
  return paymentId;
}

const reconcile = () =>
  reconcilePayments({ payments, dossiers: store, clock: systemClock }, 0);

describe('The outbox rows are the publication', () => {
  it('publishes a row written by itself (the table\u2019s stream), keeps it to its TTL, and applies a row written again once', async () => {
    const no = await registerOwing();
    const paid: DossierEvent = {
      type: 'PaymentSucceeded', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no,
      paymentId: `pay-${randomUUID()}`, provider: 'vietqr', amount: 5_000, paidAt: new Date().toISOString(),
    };
    await store.enqueue([paid]); // nothing sent to the queue by us
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    const row = await outboxRow(no, paid.id);
    expect(row).toMatchObject({ event: paid, ttl: expect.any(Number) });
    expect(row!.ttl * 1000).toBeGreaterThan(Date.now() + 14 * 24 * 3_600_000);

    // Not valid while PROCESSING: recorded on the timeline.
    const refused: DossierEvent = { type: 'SupplementReceived', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no };
    await store.enqueue([refused]);
    await until(() => dossier(no), (d) => d.timeline.some((t: { eventId: string }) => t.eventId === refused.id));

    // The same id written again (a reconciliation re-emitting it) and sent again by hand: applied once.
    const version = (await store.get(no))!.version;
    await store.enqueue([paid]);
    await sendDossierEvent(queue, paid, `${paid.id}-again`);
    const marker: DossierEvent = { type: 'SupplementReceived', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no };
    await store.enqueue([marker]); // behind the repeats in the dossier's FIFO group
    await until(() => dossier(no), (d) => d.timeline.some((t: { eventId: string }) => t.eventId === marker.id));
    const after = await store.get(no);
    expect(after!.timeline.filter((t) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
    expect(after!.version).toBe(version + 1); // only the marker event wrote
  });
});

describe('Payment reconciliation', () => {
  it('moves a dossier whose payment succeeded but whose event was lost, once, then leaves the payment alone', async () => {
    const no = await registerOwing();
    const paymentId = await succeededButLost(no);
    expect((await dossier(no)).status).toBe('AWAITING_PAYMENT');

    expect((await reconcile()).reemitted).toBeGreaterThanOrEqual(1);
    const moved = await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    expect(moved.payments).toEqual([expect.objectContaining({ paymentId, status: 'succeeded' })]);
    expect(moved.timeline.filter((t: { eventId: string }) => t.eventId === `payment-succeeded-${paymentId}`)).toHaveLength(1);

    await reconcile(); // the dossier records it now: the payment leaves the index
    expect((await paymentItem(paymentId))?.gsi1pk).toBeUndefined();
    expect((await payments.get(paymentId))?.refundReview).toBeUndefined();
  });

  it('leaves a payment settled normally alone, and its re-emitted event (a race) is the settlement event itself', async () => {
    const no = await registerOwing();
    const { paymentId, redirectUrl } = await pay(no);
    expect((await ipn(ipnParams(txnRefOf(redirectUrl), 5_000))).RspCode).toBe('00');
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    await reconcile();
    expect((await paymentItem(paymentId))?.gsi1pk).toBeUndefined();
    // What reconciliation would send had it looked while the event was in flight: the same id, so the
    // consumer finds its marker. Another id would be recorded as "already recorded" on the timeline.
    const again = paymentSucceededEvent((await payments.get(paymentId))!);
    await store.enqueue([again]);
    await sendDossierEvent(queue, again, randomUUID());
    const marker: DossierEvent = { type: 'SupplementReceived', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no };
    await sendDossierEvent(queue, marker); // behind the repeats in the dossier's FIFO group
    await until(() => dossier(no), (d) => d.timeline.some((t: { eventId: string }) => t.eventId === marker.id));
    expect((await dossier(no)).timeline.filter((t: { cause: string }) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
  });

  it('flags the first payment for refund review when the citizen paid again before it reached the dossier', async () => {
    const no = await registerOwing();
    const first = await succeededButLost(no);
    // Still awaiting payment, so the citizen pays again, and this one arrives.
    const second = await pay(no);
    expect(second.paymentId).not.toBe(first);
    expect((await ipn(ipnParams(txnRefOf(second.redirectUrl), 5_000))).RspCode).toBe('00');
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    const paidOnline = async () => (await api(`/v1/reports/kpis?agencyCode=${agency}&month=${kpiMonth(new Date().toISOString())}`, { token: agencyToken })).json.counts.paidOnline;
    const paidBefore = await paidOnline();

    await reconcile();
    const flagged = await until(() => payments.get(first), (p) => p?.refundReview !== undefined);
    expect(flagged!.refundReview!.reason).toContain('PROCESSING');
    expect((await payments.get(second.paymentId))?.refundReview).toBeUndefined();
    const after = await dossier(no);
    expect(after).toMatchObject({ status: 'PROCESSING', amountDue: 0 });
    expect(after.payments).toEqual(expect.arrayContaining([
      expect.objectContaining({ paymentId: second.paymentId, status: 'succeeded' }),
      expect.objectContaining({ paymentId: first, refundReview: true }),
    ]));
    expect(await paidOnline()).toBe(paidBefore);
  });
});
