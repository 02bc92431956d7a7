import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UNITS_DATA_DIR } from '../../local/runtime';
import { fromVietnamTimestamp, vietnamDate, vietnamTimestamp } from '../../shared/platform/kernel/time';
import { addWorkingDays } from '../../shared/platform/kernel/working-days';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { documents, sqs, uniqueCode, until } from '../support/emulators';
import { runOperatorScript } from '../support/operator';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';

const CITIZEN = '031088123457';
const queue = sqs();
afterAll(() => queue.destroy());
let agency: string;
let agencyToken: string;
let citizenToken: string;
const HAI_PHONG_COMMUNE = readFileSync(join(UNITS_DATA_DIR, 'communes-2025.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')).find((c) => c[2] === '31')![0]!;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const dossier = (no: string) => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json);
const held = (no: string) => api(`/sandbox/national-portal/dossiers/${no}`).then((r) => (r.status === 200 ? r.json : undefined));
const outage = (down: boolean) => api('/sandbox/national-portal/outage', { method: 'PUT', body: { down } });

const register = (procedureCode?: string, inputs?: Record<string, unknown>) =>
  registerOnlineDossier(agencyToken, agency, { citizenId: CITIZEN, fullName: 'Lê Thị F', phone: '0913222444' }, uniqueCode('H31.26'), { procedureCode, inputs });

async function pay(no: string) {
  const due = (await until(() => dossier(no), (d) => d.amountDue > 0)).amountDue;
  const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
  expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), due))).RspCode).toBe('00');
}

/** The portal holds the dossier's newest state: its status code and every applied step, in order. */
async function portalCaughtUp(no: string, timeoutMs = 30_000) {
  // The push reaction runs after the event is applied: until it has run, "synced" can describe the
  // version before the newest, so wait for the portal to hold what the dossier shows (or time out).
  const caught = await until(
    async () => ({ d: await dossier(no), p: await held(no) }),
    ({ d, p }) => d.nationalPortalSync?.status === 'synced' && p?.snapshot.TrangThaiHoSo === String(d.nationalPortalStatus),
    timeoutMs,
  );
  const expected = caught.d;
  const portal = caught.p;
  expect(portal.snapshot.TrangThaiHoSo).toBe(String(expected.nationalPortalStatus));
  const applied = expected.timeline.filter((t: { applied: boolean }) => t.applied);
  expect(portal.progress).toHaveLength(applied.length);
  const times = portal.progress.map((p: { ThoiDiemXuLy: string }) => p.ThoiDiemXuLy);
  expect(times).toEqual([...times].sort());
  return { dossier: expected, portal };
}

describe('National Public Service Portal sync', () => {
  it('register → pay → paper result → delivered by post: the portal holds status 10, paid online, postal return, every step in order', async () => {
    const no = await register();
    const address = { provinceCode: '31', communeCode: HAI_PHONG_COMMUNE, street: '12 Lê Lợi' };
    expect((await api(`/v1/dossiers/${no}/delivery`, { token: citizenToken, body: { recipient: { fullName: 'Lê Thị F', phone: '0913222444' }, address, postagePayer: 'prepaid' } })).status).toBe(201);
    await until(() => dossier(no), (d) => d.delivery !== undefined && d.amountDue > 5_000);
    await pay(no);
    await until(() => dossier(no), (d) => d.status === 'PROCESSING');
    expect((await api(`/v1/dossiers/${no}/result`, { token: agencyToken, body: { kind: 'paper', issuedAt: new Date().toISOString() } })).status).toBe(202);
    const tracking = (await until(() => api(`/v1/dossiers/${no}/delivery`, { token: citizenToken }).then((r) => r.json), (d) => d.status === 'ORDER_CREATED', 30_000)).trackingNumber;
    for (const status of ['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']) await api(`/sandbox/postal/orders/${tracking}/advance`, { body: { status } });
    await until(() => dossier(no), (d) => d.status === 'RESULT_RETURNED');

    const { dossier: done, portal } = await portalCaughtUp(no);
    expect(portal.snapshot).toMatchObject({ MaHoSo: no, TrangThaiHoSo: '10', DuocThanhToanTrucTuyen: '1', HinhThuc: '1', KenhThucHien: '2' });
    expect(portal.snapshot.NgayXuLy).toMatch(/^\d{14}$/);
    // 2.000815 has no processing time in the catalogue: no appointment date is invented.
    expect(portal.snapshot).not.toHaveProperty('NgayHenTra');
    expect(portal.progress.at(-1).TrangThai).toBe('10');
    expect(done.nationalPortalSync).toMatchObject({ status: 'synced', attempts: 0, lastSyncedAt: expect.any(String) });
    // Every request and reply is kept: one audit item per push attempt with its exchanges in order (the upsert first, after a login if one was needed).
    const audit = (await documents().send(new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': `NPSYNC#${no}`, ':sk': 'AUDIT#' } }))).Items ?? [];
    expect(audit.length).toBeGreaterThan(0);
    for (const record of audit) {
      const services = (record.exchanges as { service: string; dossierNo: string }[]).map((e) => e.service);
      expect(services.filter((s) => s !== 'login')[0]).toBe('DongBoHoSoMC');
      expect(record.exchanges.every((e: { dossierNo: string }) => e.dossierNo === no)).toBe(true);
    }
    const progressSent = audit.flatMap((r) => r.exchanges).filter((e: { service: string }) => e.service === 'CapNhatTienDoHoSoMC').flatMap((e: { request: { data: unknown[] } }) => e.request.data);
    expect(progressSent).toHaveLength(portal.progress.length);
  }, 60_000);

  it('an outage during three changes delays the push; after recovery the portal holds the newest snapshot and every step', async () => {
    await outage(true);
    let no: string;
    try {
      no = await register();
      await pay(no);
      await until(() => dossier(no), (d) => d.status === 'PROCESSING');
      expect(await held(no)).toBeUndefined();
      expect((await dossier(no)).nationalPortalSync.status).toBe('pending');
    } finally {
      await outage(false);
    }
    const { portal } = await portalCaughtUp(no, 30_000);
    expect(portal.snapshot).toMatchObject({ TrangThaiHoSo: '4', DuocThanhToanTrucTuyen: '1' });
  }, 60_000);

  it('a refused snapshot ends in the DLQ as failed; portal:resync --failed brings it back once the refusal is lifted', async () => {
    const no = uniqueCode('H31.26');
    await api(`/sandbox/national-portal/refusals/${no}`, { method: 'PUT', body: { refuse: true } });
    const res = await api(`/v1/dossiers/${no}`, {
      method: 'PUT',
      token: agencyToken,
      body: { procedureCode: '1.001193', agencyCode: agency, channel: 'online', submittedAt: new Date().toISOString(), applicant: { citizenId: CITIZEN, fullName: 'Lê Thị F', phone: '0913222444' }, inputs: { onTime: true } },
    });
    expect(res.status, res.text).toBe(201);
    const failed = await until(() => dossier(no), (d) => d.nationalPortalSync?.status === 'failed', 45_000);
    expect(failed.nationalPortalSync).toMatchObject({ attempts: 5, lastError: expect.stringContaining('-1') });
    // SQS moves the message on the receive after the last one, a visibility timeout later.
    const deadLetters = () => queue.send(new GetQueueAttributesCommand({ QueueUrl: inject('nationalPortalSyncDlqUrl'), AttributeNames: ['ApproximateNumberOfMessages'] })).then((r) => Number(r.Attributes?.ApproximateNumberOfMessages));
    expect(await until(deadLetters, (n) => n >= 1, 15_000)).toBeGreaterThanOrEqual(1);

    await api(`/sandbox/national-portal/refusals/${no}`, { method: 'PUT', body: { refuse: false } });
    const run = runOperatorScript('scripts/portal-resync.ts', ['--failed'], {
      NATIONAL_PORTAL_SYNC_QUEUE_URL: inject('nationalPortalSyncQueueUrl'),
      NATIONAL_PORTAL_SYNC_DLQ_URL: inject('nationalPortalSyncDlqUrl'),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(no);
    await portalCaughtUp(no);
  }, 90_000);

  it('50 dossiers changed at once all reach the portal, each counted synced once in the KPIs', async () => {
    // The counter moves in the transaction that writes a dossier's first accepted push (earlier tests' dossiers are caught up by now).
    const synced = async () => (await api(`/v1/reports/kpis?agencyCode=${agency}&month=${vietnamDate(new Date()).slice(0, 7)}`, { token: agencyToken })).json.counts.nationalPortalSynced as number;
    const before = await synced();
    const numbers = await Promise.all(Array.from({ length: 50 }, () => register('1.001193', { onTime: true })));
    await until(async () => (await Promise.all(numbers.map(held))).filter(Boolean).length, (n) => n === 50, 45_000);
    expect(await until(synced, (n) => n >= before + 50, 15_000)).toBe(before + 50);
    const statuses = await Promise.all(numbers.map((no) => dossier(no).then((d) => d.nationalPortalSync.status)));
    expect(statuses.every((s) => s === 'synced' || s === 'pending')).toBe(true);
    // 1.001193 (khai sinh) is done the same working day (processingDays 0 in data/catalogue.json).
    const { snapshot } = (await held(numbers[0]!))!;
    const due = addWorkingDays(fromVietnamTimestamp(snapshot.NgayTiepNhan), 0);
    expect(snapshot.NgayHenTra).toBe(due && vietnamTimestamp(due));
  }, 90_000);
});
