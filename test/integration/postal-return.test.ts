import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CachedCatalogue } from '../../shared/modules/catalogue/cached-catalogue';
import { DynamoCatalogueRepository } from '../../shared/modules/catalogue/dynamodb';
import { DynamoAdministrativeUnitsRepository } from '../../shared/modules/addresses/dynamodb';
import { DynamoDeliveryStore } from '../../shared/modules/deliveries/dynamodb';
import { VnPostClient } from '../../shared/modules/deliveries/carriers/vnpost/client';
import { VNPOST_CODES } from '../../shared/modules/deliveries/carriers/vnpost/status-codes';
import { redriveDeadLetters } from '../../shared/platform/sqs/redrive';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { UNITS_DATA_DIR } from '../../local/runtime';
import { reconcileDeliveries } from '../../shared/modules/deliveries/use-cases/deliveries';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { documents, dossierStore, sqs, uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, sandbox, txnRefOf, returnUrl } from '../support/payments';

const CITIZEN = '031088123456';
const queue = sqs();
afterAll(() => queue.destroy());
let agency: string;
let agencyToken: string;
let citizenToken: string;

/** A commune of Hải Phòng (31) and one of Hà Nội (01), from the official list beside the repository. */
const communes = readFileSync(join(UNITS_DATA_DIR, 'communes-2025.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(','));
const HAI_PHONG_COMMUNE = communes.find((c) => c[2] === '31')![0]!;
const HA_NOI_COMMUNE = communes.find((c) => c[2] === '01')![0]!;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json);
const delivery = (no: string) => api(`/v1/dossiers/${no}/delivery`, { token: citizenToken }).then((r) => r.json);

const register = (procedureCode?: string, inputs?: Record<string, unknown>) =>
  registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Vũ Văn E', phone: '0913222333' }, uniqueCode('H31.26'), { procedureCode, inputs });

const address = { provinceCode: '31', communeCode: HAI_PHONG_COMMUNE, street: '12 Lê Lợi' };
const chooseDelivery = (no: string, postagePayer = 'prepaid', body: object = {}) =>
  api(`/v1/dossiers/${no}/delivery`, { token: citizenToken, body: { recipient: { fullName: 'Vũ Văn E', phone: '0913222333' }, address, postagePayer, ...body } });

async function payAll(no: string) {
  const due = (await until(() => dossier(no), (d) => d.delivery !== undefined || d.amountDue > 0)).amountDue;
  const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
  expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), due))).RspCode).toBe('00');
  return due;
}

const advance = (trackingNumber: string, status: string, extra: object = {}) =>
  api(`/sandbox/postal/orders/${trackingNumber}/advance`, { body: { status, ...extra } });

async function orderedTracking(no: string): Promise<string> {
  return (await until(() => delivery(no), (d) => d.status === 'ORDER_CREATED', 30_000)).trackingNumber;
}

describe('Postal return end to end', () => {
  it('register postal return → pay fees with postage → paper result → order → webhooks → delivered → level 4', async () => {
    const no = await register();
    const registered = await chooseDelivery(no);
    expect(registered.status, registered.text).toBe(201);
    expect(registered.json).toMatchObject({ status: 'REQUESTED', postagePayer: 'prepaid', postage: 22_000, codAmount: 0, addressCheck: { communeChecked: true } });
    const withPostage = await until(() => dossier(no), (d) => d.amountDue === 27_000);
    expect(withPostage.delivery).toMatchObject({ postage: 22_000, postagePayer: 'prepaid' });

    expect(await payAll(no)).toBe(27_000);
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    expect((await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } })).status).toBe(202);

    const tracking = await orderedTracking(no);
    for (const status of ['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']) {
      const res = await advance(tracking, status);
      expect(res.json.webhookStatus).toBe(200);
    }
    const done = await until(() => dossier(no), (d) => d.status === 'RESULT_RETURNED');
    expect(done.level4).toMatchObject({ completed: true, returnChannel: 'postal', paymentChannel: 'online' });
    const timeline = (await delivery(no)).timeline.map((t: any) => t.status);
    expect(timeline).toEqual(['REQUESTED', 'ORDER_CREATED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
  }, 60_000);

  it('after failed attempts the result returns to the agency and the dossier waits for counter pickup with a reason', async () => {
    const no = await register('1.001193', { onTime: true });
    expect((await chooseDelivery(no, 'on_delivery')).json).toMatchObject({ codAmount: 22_000, postagePayer: 'on_delivery' });
    await until(() => dossier(no), (d) => d.delivery !== undefined);
    expect((await dossier(no)).amountDue).toBe(0);
    await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } });
    const tracking = await orderedTracking(no);
    await advance(tracking, 'OUT_FOR_DELIVERY');
    await advance(tracking, 'ATTEMPT_FAILED', { reason: 'absent_after_invitations' });
    await advance(tracking, 'OUT_FOR_DELIVERY');
    await advance(tracking, 'ATTEMPT_FAILED', { reason: 'absent_after_invitations' });
    expect((await until(() => delivery(no), (d) => d.status === 'RETURNED_TO_AGENCY')).failedAttempts).toBe(2);
    const waiting = await until(() => dossier(no), (d) => d.result?.counterPickup !== undefined);
    expect(waiting.status).toBe('RESULT_READY');
    expect(waiting.result.counterPickup.reason).toBe('absent_after_invitations');
  }, 60_000);
});

describe('POST /v1/dossiers/{no}/delivery validation', () => {
  it.each([
    ['a commune of another province', { address: { ...address, communeCode: HA_NOI_COMMUNE } }, 400, 'address.communeCode'],
    ['an unknown province', { address: { ...address, provinceCode: '99' } }, 400, 'address.provinceCode'],
    ['a phone that is not Vietnamese', { recipient: { fullName: 'A', phone: '+14155550100' } }, 400, 'recipient.phone'],
  ])('refuses %s naming the field', async (_case, body, status, path) => {
    const no = await register();
    const res = await chooseDelivery(no, 'prepaid', body);
    expect(res.status, res.text).toBe(status);
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('refuses a procedure that needs the applicant in person, and a second registration', async () => {
    const inPerson = await register('1.004194', {});
    expect((await chooseDelivery(inPerson)).status).toBe(422);
    const no = await register();
    expect((await chooseDelivery(no)).status).toBe(201);
    expect((await chooseDelivery(no)).status).toBe(409);
  });
});

describe('POST /v1/callbacks/postal', () => {
  const secret = sandbox.postalWebhookSecrets[0]!;
  const now = () => Math.floor(Date.now() / 1000);
  const post = (body: unknown, signature?: (raw: string) => string) => {
    const raw = JSON.stringify(body);
    return api('/v1/callbacks/postal', { rawBody: raw, headers: { 'x-signature': (signature ?? ((r) => signatureHeader(secret, now(), r)))(raw) } });
  };
  const evt = (trackingNumber: string, status: string | number, minutesAgo = 0) => ({
    eventId: randomUUID(), trackingNumber, status, occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });

  async function orderedDelivery() {
    const no = await register('1.001193', { onTime: true });
    await chooseDelivery(no, 'on_delivery');
    await until(() => dossier(no), (d) => d.delivery !== undefined);
    await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } });
    return { no, tracking: await orderedTracking(no) };
  }

  it.each([
    ['no signature', () => ''],
    ['a stale signature', (raw: string) => signatureHeader(secret, now() - 400, raw)],
    ['the wrong secret', (raw: string) => signatureHeader('nope', now(), raw)],
  ])('answers %s with 401', async (_case, signature) => {
    const res = await post(evt('EB000000000VN', 'DELIVERED'), signature);
    expect(res.status).toBe(401);
  });

  it('deduplicates by eventId, never moves backwards, keeps every event, and reports bad events of a batch', async () => {
    const { no, tracking } = await orderedDelivery();
    const delivered = evt(tracking, 14, 1); // the carrier's numeric code for DELIVERED
    const inTransit = evt(tracking, 'IN_TRANSIT', 5); // happened earlier, arrives later
    const first = await post([delivered, { trackingNumber: tracking }, evt(tracking, 'TELEPORTED')]);
    expect(first.json.results.map((r: any) => r.result)).toEqual(['applied', 'invalid', 'invalid']);
    expect(first.json.results[2].error).toMatch(/unknown carrier status/);
    expect((await post(delivered)).json.results[0].result).toBe('duplicate');
    expect((await post(inTransit)).json.results[0].result).toBe('recorded');
    const d = await delivery(no);
    expect(d.status).toBe('DELIVERED');
    expect(d.timeline.filter((t: any) => t.source === 'webhook').map((t: any) => [t.status, t.moved])).toEqual([['DELIVERED', true], ['IN_TRANSIT', false]]);
    expect((await until(() => dossier(no), (x) => x.status === 'RESULT_RETURNED')).level4.completed).toBe(true);
  }, 60_000);

  it('reports an unknown tracking number without failing the batch', async () => {
    const res = await post([evt('EB999999999VN', 'DELIVERED')]);
    expect(res.json.results[0].result).toBe('unknown_tracking');
  });
});

describe('Outbound postal orders', () => {
  const depth = async (url: string) =>
    Number((await queue.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes?.ApproximateNumberOfMessages ?? 0);
  const state = () => api('/sandbox/postal/state').then((r) => r.json as { createCalls: number; orders: Array<{ orderNumber: string; createdCount: number }> });
  const outage = (on: boolean) => api('/sandbox/postal/outage', { body: { on: String(on) } });

  it('retries while the postal API is down, lands in the DLQ after the limit, and is redriven into exactly one order', async () => {
    await outage(true);
    try {
      const no = await register('1.001193', { onTime: true });
      await chooseDelivery(no, 'on_delivery');
      await until(() => dossier(no), (d) => d.delivery !== undefined);
      const callsBefore = (await state()).createCalls;
      await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } });
      await until(() => depth(inject('postalOrdersDlqUrl')), (n) => n >= 1, 40_000);
      expect((await state()).createCalls - callsBefore).toBeGreaterThanOrEqual(3);
      expect((await delivery(no)).status).toBe('REQUESTED');

      await outage(false);
      expect(await redriveDeadLetters(queue, { queueUrl: inject('postalOrdersQueueUrl'), deadLetterUrl: inject('postalOrdersDlqUrl'), fifo: false })).toBeGreaterThanOrEqual(1);
      const ordered = await until(() => delivery(no), (d) => d.status === 'ORDER_CREATED', 30_000);

      // A repeated request for the same delivery, and a repeated create at the carrier, make no second order.
      await queue.send(new SendMessageCommand({ QueueUrl: inject('postalOrdersQueueUrl'), MessageBody: JSON.stringify({ deliveryId: ordered.deliveryId }) }));
      const client = new VnPostClient({ baseUrl: `${inject('baseUrl')}/sandbox/postal/api`, username: 'toantrinh', password: 'sandbox' });
      const again = await client.createOrder({ orderNumber: ordered.deliveryId, sender: { name: 'x', address }, recipient: { fullName: 'x', phone: '0913222333' }, address, weightGrams: 50, codAmount: 0 });
      expect(again.trackingNumber).toBe(ordered.trackingNumber);
      await new Promise((r) => setTimeout(r, 2_000));
      const orders = (await state()).orders.filter((o) => o.orderNumber === ordered.deliveryId);
      expect(orders).toHaveLength(1);
      expect((await delivery(no)).trackingNumber).toBe(ordered.trackingNumber);
    } finally {
      await outage(false);
    }
  }, 90_000);
});

describe('Pull reconciliation', () => {
  it('applies what the carrier knows when its webhooks went missing', async () => {
    const no = await register('1.001193', { onTime: true });
    await chooseDelivery(no, 'on_delivery');
    await until(() => dossier(no), (d) => d.delivery !== undefined);
    await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } });
    const tracking = await orderedTracking(no);
    for (const status of ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED']) await advance(tracking, status, { deliverWebhook: false });
    expect((await delivery(no)).status).toBe('ORDER_CREATED');

    const client = documents();
    const deps = {
      deliveries: new DynamoDeliveryStore(client, inject('tableName')),
      dossiers: dossierStore(),
      catalogue: new CachedCatalogue(new DynamoCatalogueRepository(client, inject('tableName'))),
      units: new DynamoAdministrativeUnitsRepository(client, inject('tableName')),
      clock: { now: () => new Date(Date.now() + 3 * 3_600_000) },
      maxFailedAttempts: 2,
      carrierStatusCodes: VNPOST_CODES,
      postal: new VnPostClient({ baseUrl: `${inject('baseUrl')}/sandbox/postal/api`, username: 'toantrinh', password: 'sandbox' }),
    };
    const result = await reconcileDeliveries(deps, 2 * 3_600_000, 1_000);
    expect(result.applied).toBeGreaterThanOrEqual(3);
    expect((await delivery(no)).status).toBe('DELIVERED');
    await until(() => dossier(no), (d) => d.status === 'RESULT_RETURNED');
  }, 60_000);
});

describe('Postage registered after the fees were paid', () => {
  it('is a separate payment while the dossier goes on processing', async () => {
    const no = await register();
    expect(await payAll(no)).toBe(5_000);
    await until(() => dossier(no), (d) => d.status === 'PROCESSING' && d.amountDue === 0);
    expect((await chooseDelivery(no)).status).toBe(201);
    await until(() => dossier(no), (d) => d.amountDue === 22_000);
    const postage = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vietqr', returnUrl: returnUrl() } });
    expect(postage.status, postage.text).toBe(201);
    expect(postage.json.amount).toBe(22_000);
    const raw = JSON.stringify({ eventId: randomUUID(), reference: postage.json.qr.memo, amount: 22_000, transactionId: 'FT-POSTAGE', paidAt: new Date().toISOString() });
    const ack = await api('/v1/callbacks/vietqr', { rawBody: raw, headers: { 'x-signature': signatureHeader(sandbox.vietqrWebhookSecrets[0]!, Math.floor(Date.now() / 1000), raw) } });
    expect(ack.json).toEqual({ result: 'applied' });
    const paid = await until(() => dossier(no), (d) => d.amountDue === 0 && d.payments.length === 2);
    expect(paid.status).toBe('PROCESSING');
    expect(paid.payments.every((p: any) => p.status === 'succeeded' && !p.refundReview)).toBe(true);
  }, 60_000);
});
