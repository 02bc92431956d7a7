import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, devToken, registerOnlineDossier } from '../support/api-client';
import { uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNITS_DATA_DIR } from '../../local/runtime';

let agency: string;
let agencyToken: string;

beforeAll(async () => {
  agency = uniqueCode('HP');
  agencyToken = await devToken({ role: 'agency', agency });
});

/** A fresh Vinaphone-style mobile number and citizen id per test, so tests sharing the runtime never read each other's phone. */
function person() {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return { phone: `0912${digits}`, zns: `84912${digits}`, citizenId: `0360${digits}00` };
}

async function registerAndPay(who: ReturnType<typeof person>): Promise<string> {
  const no = uniqueCode('H31.26');
  const citizenToken = await devToken({ role: 'citizen', sub: who.citizenId });
  await registerOnlineDossier(agencyToken, agency, { citizenId: who.citizenId, fullName: 'Trần Thị Thu', phone: who.phone }, no);
  const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
  expect(payment.status, payment.text).toBe(201);
  expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), payment.json.amount))).RspCode).toBe('00');
  return no;
}

const inbox = (phone: string) => api(`/sandbox/notifications?phone=${phone}`).then((r) => r.json.items as { channel: string; to: string; text: string; dossierNo?: string }[]);
const ledger = (no: string) => api(`/v1/dossiers/${no}/notifications`, { token: agencyToken }).then((r) => r.json.items as any[]);

describe('Citizen notifications on the local runtime', () => {
  it('paying puts a Vietnamese ZNS with the dossier number on the sandbox phone, and the ledger shows it delivered', async () => {
    const who = person();
    const no = await registerAndPay(who);
    const [message] = await until(() => inbox(who.phone), (items) => items.length > 0);
    expect(message).toMatchObject({ channel: 'zns', to: who.zns, dossierNo: no });
    expect(message!.text).toContain('đã nhận thanh toán 5.000 đồng');
    const [notice] = await until(() => ledger(no), (items) => items[0]?.status === 'delivered');
    expect(notice).toMatchObject({ kind: 'payment_received', channel: 'zns', attempts: [{ channel: 'zns', outcome: 'accepted' }] });
    expect(JSON.stringify(notice)).not.toContain(who.phone.slice(1));
  });

  it('a phone without a Zalo account gets the SMS instead (-118 falls back at once)', async () => {
    const who = person();
    expect((await api(`/sandbox/zalo/phones/${who.phone}`, { method: 'PUT', body: { zaloAccount: false } })).status).toBe(200);
    const no = await registerAndPay(who);
    const items = await until(() => inbox(who.phone), (i) => i.length > 0);
    expect(items.map((i) => i.channel)).toEqual(['sms']);
    expect(items[0]!.text).toContain(no);
    const [notice] = await until(() => ledger(no), (n) => n[0]?.status === 'sent');
    expect(notice.attempts).toMatchObject([{ channel: 'zns', outcome: 'recipient', code: '-118' }, { channel: 'sms', outcome: 'sent' }]);
  });

  it('Zalo down: retried with backoff, delivered once it comes back; duplicate receipts change nothing', async () => {
    const who = person();
    await api('/sandbox/zalo/outage', { method: 'PUT', body: { down: true } });
    let no: string;
    try {
      no = await registerAndPay(who);
      await until(() => ledger(no), (n) => n[0]?.attempts.some((a: any) => a.outcome === 'temporary'));
      expect(await inbox(who.phone)).toEqual([]);
    } finally {
      await api('/sandbox/zalo/outage', { method: 'PUT', body: { down: false } });
    }
    const [notice] = await until(() => ledger(no!), (n) => n[0]?.status === 'delivered', 30_000);
    expect(notice.attempts.at(-1)).toMatchObject({ channel: 'zns', outcome: 'accepted' });
    expect((await inbox(who.phone)).map((i) => i.channel)).toEqual(['zns']);

    const msgId = notice.attempts.at(-1).messageId;
    for (let i = 0; i < 2; i++) expect((await api(`/sandbox/zalo/messages/${msgId}/receipt`, { body: {} })).json.webhookStatus).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await ledger(no!))[0]).toEqual(notice);
  }, 60_000);

  it('a citizen who turned every channel off is not messaged, and the ledger says opted out', async () => {
    const who = person();
    const token = await devToken({ role: 'citizen', sub: who.citizenId });
    const prefs = await api('/v1/me/notification-preferences', { method: 'PUT', token, body: { channels: { zns: false, sms: false, email: false } } });
    expect(prefs.status, prefs.text).toBe(200);
    expect(prefs.json.channels).toEqual({ zns: false, sms: false, email: false });
    const no = await registerAndPay(who);
    const [notice] = await until(() => ledger(no), (n) => n[0]?.status === 'skipped');
    expect(notice.reason).toBe('opted_out');
    expect(await inbox(who.phone)).toEqual([]);
  });

  it('refuses bad preferences naming the field, an unsigned webhook, and a stranger reading the ledger', async () => {
    const token = await devToken({ role: 'citizen', sub: person().citizenId });
    const bad = await api('/v1/me/notification-preferences', { method: 'PUT', token, body: { channels: { zalo: false } } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('zalo');
    const unsigned = await api('/v1/callbacks/zalo', { body: { app_id: '1', event_name: 'user_received_message', timestamp: String(Date.now()) }, headers: { 'x-zevent-signature': `mac=${'0'.repeat(64)}` } });
    expect(unsigned.status).toBe(401);
    const who = person();
    const no = await registerAndPay(who);
    expect((await api(`/v1/dossiers/${no}/notifications`, { token })).status).toBe(404);
  });
  it('readying a paper result and delivering its parcel each put a Vietnamese message on the phone, and the ledger shows each delivered', async () => {
    // Prepare: a dossier with postal return to a commune of Hải Phòng, paid with its postage
    const who = person();
    const citizenToken = await devToken({ role: 'citizen', sub: who.citizenId });
    const commune = readFileSync(join(UNITS_DATA_DIR, 'communes-2025.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')).find((c) => c[2] === '31')![0]!;
    const no = await registerOnlineDossier(agencyToken, agency, { citizenId: who.citizenId, fullName: 'Trần Thị Thu', phone: who.phone }, uniqueCode('H31.26'));
    const delivery = await api(`/v1/dossiers/${no}/delivery`, { token: citizenToken, body: { recipient: { fullName: 'Trần Thị Thu', phone: who.phone }, address: { provinceCode: '31', communeCode: commune, street: '12 Lê Lợi' }, postagePayer: 'prepaid' } });
    expect(delivery.status, delivery.text).toBe(201);
    const due = (await until(() => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json), (d) => d.amountDue > 5_000)).amountDue;
    const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), due))).RspCode).toBe('00');

    await until(() => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json), (d) => d.status === 'PROCESSING');

    // Act: the agency readies a paper result; the post office picks the parcel up and delivers it
    expect((await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } })).status).toBe(202);
    const tracking = (await until(() => api(`/v1/dossiers/${no}/delivery`, { token: citizenToken }).then((r) => r.json), (d) => d.status === 'ORDER_CREATED', 30_000)).trackingNumber;
    for (const status of ['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']) {
      expect((await api(`/sandbox/postal/orders/${tracking}/advance`, { body: { status } })).status).toBe(200);
    }

    // Assess: one message per notice kind, in Vietnamese, each delivered on the ledger
    const kinds = ['payment_received', 'result_ready', 'parcel_handed_over', 'delivered'];
    const notices = await until(() => ledger(no), (n) => kinds.every((k) => n.some((x) => x.kind === k && x.status === 'delivered')), 30_000);
    expect(notices.map((n) => n.kind).sort()).toEqual([...kinds].sort());
    const texts = (await inbox(who.phone)).filter((m) => m.dossierNo === no).map((m) => m.text);
    expect(texts).toHaveLength(4);
    expect(texts.some((t) => t.includes(tracking))).toBe(true);
    expect(texts.join(' ')).toMatch(/kết quả/);
  }, 90_000);
});
