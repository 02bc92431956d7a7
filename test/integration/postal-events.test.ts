import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TIMELINE_ON_DELIVERY } from '../../shared/modules/deliveries/domain/timeline';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { UNITS_DATA_DIR } from '../../local/runtime';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { documents, uniqueCode, until } from '../support/emulators';
import { sandbox } from '../support/payments';

/** Carrier events at scale on one parcel: long ids, long timelines, bursts of concurrent webhooks. */
const CITIZEN = '031088123457';
let agencyToken: string;
let citizenToken: string;
let agency: string;

const communes = readFileSync(join(UNITS_DATA_DIR, 'communes-2025.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(','));
const address = { provinceCode: '31', communeCode: communes.find((c) => c[2] === '31')![0]!, street: '12 Lê Lợi' };

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json);
const delivery = (no: string) => api(`/v1/dossiers/${no}/delivery`, { token: citizenToken }).then((r) => r.json);

/** A dossier with postage paid on delivery, its paper result ready and the carrier order created. */
async function orderedDelivery() {
  const no = await registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Vũ Văn F', phone: '0913222333' }, uniqueCode('H31.26'), { procedureCode: '1.001193', inputs: { onTime: true } });
  const chosen = await api(`/v1/dossiers/${no}/delivery`, { token: citizenToken, body: { recipient: { fullName: 'Vũ Văn F', phone: '0913222333' }, address, postagePayer: 'on_delivery' } });
  expect(chosen.status, chosen.text).toBe(201);
  await until(() => dossier(no), (d) => d.delivery !== undefined);
  await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } });
  const { trackingNumber, deliveryId } = await until(() => delivery(no), (d) => d.status === 'ORDER_CREATED', 30_000);
  return { no, tracking: trackingNumber as string, deliveryId: deliveryId as string };
}

const post = (body: unknown) => {
  const raw = JSON.stringify(body);
  return api('/v1/callbacks/postal', { rawBody: raw, headers: { 'x-signature': signatureHeader(sandbox.postalWebhookSecrets[0]!, Math.floor(Date.now() / 1000), raw) } });
};
const event = (trackingNumber: string, status: string, eventId: string, occurredAt = new Date(), extra: object = {}) => ({ eventId, trackingNumber, status, occurredAt: occurredAt.toISOString(), ...extra });
const webhookIds = (d: any) => d.timeline.filter((t: any) => t.source === 'webhook').map((t: any) => t.eventId);

describe('Carrier events on one parcel', () => {
  it('applies two long carrier ids sharing a 150-character prefix, and the second (DELIVERED) completes level 4', async () => {
    const { no, tracking } = await orderedDelivery();
    const prefix = `VNPOST|${tracking}|`.padEnd(150, '#');
    const out = `${prefix} phát lần 1 ${'a'.repeat(70)}`;
    const delivered = `${prefix} phát thành công ${'b'.repeat(70)}`;
    expect(Math.min(out.length, delivered.length)).toBeGreaterThan(200);
    const res = await post([event(tracking, 'OUT_FOR_DELIVERY', out, new Date(Date.now() - 60_000)), event(tracking, 'DELIVERED', delivered)]);
    expect(res.status, res.text).toBe(200);
    expect(res.json.results.map((r: any) => r.result)).toEqual(['applied', 'applied']);
    const done = await until(() => dossier(no), (d) => d.status === 'RESULT_RETURNED');
    expect(done.level4).toMatchObject({ completed: true, returnChannel: 'postal' });
    // The raw carrier ids stay on the timeline; a repeat of either is still recognised.
    expect(webhookIds(await delivery(no))).toEqual([out, delivered]);
    expect((await post(event(tracking, 'DELIVERED', delivered))).json.results[0].result).toBe('duplicate');
  }, 60_000);

  it('accepts 1,000 events in batches: the delivery item stays small and the timeline is complete and in order', async () => {
    const { no, tracking, deliveryId } = await orderedDelivery();
    const start = Date.now() - 3_600_000;
    const statuses = ['PICKED_UP', 'IN_TRANSIT', 'IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'];
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const events = Array.from({ length: 100 }, (_, i) => {
        const n = batch * 100 + i;
        ids.push(`scan ${n} ${randomUUID()}`);
        return event(tracking, statuses[Math.min(n, statuses.length - 1)]!, ids[n]!, new Date(start + n * 1_000), { location: `Bưu cục khai thác Hải Phòng, quầy ${n % 7}, băng chuyền số ${n % 13}` });
      });
      const res = await post(events);
      expect(res.status, res.text).toBe(200);
      expect(res.json.results.filter((r: any) => r.result !== 'applied' && r.result !== 'recorded')).toEqual([]);
    }
    const { Item } = await documents().send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `DELIVERY#${deliveryId}`, sk: 'DELIVERY' } }));
    const bytes = Buffer.byteLength(JSON.stringify(Item), 'utf8');
    console.log(`delivery item after 1,000 events: ${Item!.timeline.length} entries on the item, ${bytes} bytes`);
    expect(Item!.timeline.length).toBeLessThanOrEqual(TIMELINE_ON_DELIVERY);
    expect(bytes).toBeLessThan(100_000);
    const d = await delivery(no);
    expect(d.status).toBe('OUT_FOR_DELIVERY');
    expect(d.timeline.slice(0, 2).map((t: any) => t.status)).toEqual(['REQUESTED', 'ORDER_CREATED']);
    expect(webhookIds(d)).toEqual(ids);
  }, 180_000);

  it('applies 20 concurrent webhook calls on one parcel, each answered 200, keeping dedup and rank rules', async () => {
    const { no, tracking } = await orderedDelivery();
    const base = Date.now() - 600_000;
    const order = ['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];
    const events = Array.from({ length: 20 }, (_, i) => event(tracking, order[i % 4]!, `burst-${i}-${randomUUID()}`, new Date(base + i * 1_000)));
    const responses = await Promise.all(events.map((e) => post(e)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(responses.map((r) => r.json.results[0].result).filter((r) => r !== 'applied' && r !== 'recorded')).toEqual([]);
    const d = await delivery(no);
    expect(d.status).toBe('DELIVERED');
    expect([...webhookIds(d)].sort()).toEqual(events.map((e) => e.eventId).sort());
    // Once DELIVERED, every later entry is kept without moving the status (never backwards).
    const firstDelivered = d.timeline.findIndex((t: any) => t.status === 'DELIVERED' && t.moved);
    expect(d.timeline.slice(firstDelivered + 1).every((t: any) => !t.moved)).toBe(true);
    // A repeat of the whole burst changes nothing.
    const again = await Promise.all(events.slice(0, 5).map((e) => post(e)));
    expect(again.map((r) => r.json.results[0].result)).toEqual(Array(5).fill('duplicate'));
    expect((await delivery(no)).timeline).toHaveLength(d.timeline.length);
    await until(() => dossier(no), (x) => x.status === 'RESULT_RETURNED');
  }, 90_000);
});
