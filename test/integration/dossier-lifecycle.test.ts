import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { DossierSchema } from '../../shared/modules/dossiers/api/dossier';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import { agencyAndCitizen, api, devToken } from '../support/api-client';
import { sendDossierEvent, sqs, uniqueCode, until } from '../support/emulators';

const queue = sqs();
afterAll(() => queue.destroy());

const CITIZEN = '031099012345';
const OTHER_CITIZEN = '001088000111';
let agency: string;
let agencyToken: string;
let otherAgencyToken: string;
let citizenToken: string;
let otherCitizenToken: string;

beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
  otherAgencyToken = await devToken({ role: 'agency', agency: uniqueCode('HN') });
  otherCitizenToken = await devToken({ role: 'citizen', sub: OTHER_CITIZEN });
});

// Registration refuses a submittedAt older than SUBMITTED_AT_MAX_AGE_DAYS (30): submit two days ago.
const submittedAt = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
const month = vietnamDate(new Date(submittedAt)).slice(0, 7);
function registration(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: '2.000815',
    agencyCode: agency,
    channel: 'online',
    submittedAt,
    applicant: { citizenId: CITIZEN, fullName: 'Nguyễn Văn A', phone: '0912345678' },
    inputs: { pages: 3, copies: 1 },
    ...overrides,
  };
}

async function register(body = registration()) {
  const no = uniqueCode('H31.26');
  const res = await api(`/v1/dossiers/${no}`, { method: 'PUT', body, token: agencyToken });
  expect(res.status, res.text).toBe(201);
  return { no, res };
}

const getDossier = (no: string, token = agencyToken) => api(`/v1/dossiers/${no}`, { token });
const statusOf = (no: string) => getDossier(no).then((r) => r.json);
const waitFor = (no: string, accept: (d: any) => boolean) => until(() => statusOf(no), accept);

function paymentSucceeded(no: string, amount: number, id = randomUUID()): DossierEvent {
  return { type: 'PaymentSucceeded', version: 1, id, occurredAt: new Date().toISOString(), dossierNo: no, paymentId: `pay-${id}`, provider: 'vnpay', amount, paidAt: new Date().toISOString() };
}

async function kpis() {
  const res = await api(`/v1/reports/kpis?agencyCode=${agency}&month=${month}`, { token: agencyToken });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

describe('Dossier lifecycle over HTTP and the FIFO queue', () => {
  it('registers, is paid online, returns an electronic result and records level-4 completion', async () => {
    const { no, res } = await register();
    const created = DossierSchema.parse(res.json);
    expect(created).toMatchObject({ status: 'AWAITING_PAYMENT', nationalPortalStatus: 6, amountDue: 5_000 });
    expect(created.fees).toMatchObject({ total: 5_000, scheduleVersion: 'TT226-2016' });

    await sendDossierEvent(queue, paymentSucceeded(no, 5_000));
    await waitFor(no, (d) => d.status === 'PROCESSING');

    const accepted = await api(`/v1/dossiers/${no}/result`, { body: { kind: 'electronic', documentRef: 'KQ-1', issuedAt: '2026-03-12T03:00:00Z' }, token: agencyToken });
    expect(accepted.status).toBe(202);
    const done = await waitFor(no, (d) => d.status === 'RESULT_RETURNED');
    expect(done).toMatchObject({ nationalPortalStatus: 10, amountDue: 0, level4: { completed: true, paymentChannel: 'online', returnChannel: 'electronic', submissionChannel: 'online' } });
    expect(done.timeline.map((t: any) => `${t.from ?? '-'}>${t.to}:${t.cause}`)).toEqual([
      '->RECEIVED:DossierRegistered',
      'RECEIVED>AWAITING_PAYMENT:DossierRegistered',
      'AWAITING_PAYMENT>PROCESSING:PaymentSucceeded',
      'PROCESSING>RESULT_READY:ResultReady',
      'RESULT_READY>RESULT_RETURNED:ResultIssuedElectronically',
    ]);
    const report = await until(kpis, (r) => r.counts.level4Completed >= 1);
    expect(report.counts).toMatchObject({ paidOnline: expect.any(Number), withFees: expect.any(Number) });
  });

  it('answers a repeated registration idempotently and a different one with 409', async () => {
    const { no } = await register();
    const again = await api(`/v1/dossiers/${no}`, { method: 'PUT', body: registration(), token: agencyToken });
    expect(again.status).toBe(200);
    expect(again.json.dossierNo).toBe(no);
    const other = await api(`/v1/dossiers/${no}`, { method: 'PUT', body: registration({ inputs: { pages: 9 } }), token: agencyToken });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('DOSSIER_EXISTS');
  });

  it('starts a dossier with nothing owed in PROCESSING and returns a paper result collected at the counter (not level 4)', async () => {
    const { no, res } = await register(registration({ procedureCode: '1.001193', inputs: { onTime: true } }));
    expect(res.json).toMatchObject({ status: 'PROCESSING', amountDue: 0 });
    expect((await api(`/v1/dossiers/${no}/collected`, { body: {}, token: agencyToken })).status).toBe(409);
    await api(`/v1/dossiers/${no}/result`, { body: { kind: 'paper', issuedAt: '2026-03-12T03:00:00Z' }, token: agencyToken });
    await waitFor(no, (d) => d.status === 'RESULT_READY');
    expect((await api(`/v1/dossiers/${no}/collected`, { body: {}, token: agencyToken })).status).toBe(202);
    const done = await waitFor(no, (d) => d.status === 'RESULT_RETURNED');
    expect(done.level4).toMatchObject({ completed: false, returnChannel: 'counter', paymentChannel: 'none_owed' });
  });

  it('takes the side exits: supplement and back, then withdrawal', async () => {
    const { no } = await register(registration({ procedureCode: '1.001193', inputs: { onTime: true } }));
    const base = { version: 1 as const, occurredAt: new Date().toISOString(), dossierNo: no };
    await sendDossierEvent(queue, { ...base, type: 'SupplementRequested', id: randomUUID(), reason: 'page 2 unreadable' });
    await sendDossierEvent(queue, { ...base, type: 'SupplementReceived', id: randomUUID() });
    await sendDossierEvent(queue, { ...base, type: 'DossierWithdrawn', id: randomUUID(), reason: 'applicant request' });
    const done = await waitFor(no, (d) => d.status === 'WITHDRAWN');
    expect(done.timeline.slice(-3).map((t: any) => t.to)).toEqual(['SUPPLEMENT_REQUESTED', 'PROCESSING', 'WITHDRAWN']);
    expect(done.nationalPortalStatus).toBe(7);
  });

  it('rejects a registration with an invalid citizen id or phone, naming the field', async () => {
    const bad = await api(`/v1/dossiers/${uniqueCode('X')}`, {
      method: 'PUT',
      body: registration({ applicant: { citizenId: '12345', fullName: 'A', phone: '0112345678' } }),
      token: agencyToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['applicant.citizenId', 'applicant.phone']));
  });
});

describe('Dossier events: duplicates and reordering', () => {
  it('applies a redelivered event once and counts it once', async () => {
    const { no } = await register();
    const before = (await kpis()).counts.paidOnline;
    const event = paymentSucceeded(no, 5_000);
    await sendDossierEvent(queue, event, `${event.id}-a`);
    await sendDossierEvent(queue, event, `${event.id}-b`); // same event id, past the queue's deduplication
    await waitFor(no, (d) => d.status === 'PROCESSING');
    await new Promise((r) => setTimeout(r, 1_500));
    const dossier = await statusOf(no);
    expect(dossier.payments).toHaveLength(1);
    expect(dossier.timeline.filter((t: any) => t.cause === 'PaymentSucceeded')).toHaveLength(1);
    expect((await kpis()).counts.paidOnline).toBe(before + 1);
  });

  it('records an event that arrives before its time on the timeline and still applies the rest', async () => {
    const { no } = await register();
    await sendDossierEvent(queue, { type: 'ResultCollected', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo: no, collectedAt: new Date().toISOString() });
    await sendDossierEvent(queue, paymentSucceeded(no, 5_000));
    const dossier = await waitFor(no, (d) => d.status === 'PROCESSING');
    expect(dossier.timeline).toContainEqual(expect.objectContaining({ cause: 'ResultCollected', applied: false, from: 'AWAITING_PAYMENT', to: 'AWAITING_PAYMENT' }));
  });
});

describe('Authorization', () => {
  let no: string;
  beforeAll(async () => {
    no = (await register()).no;
  });

  it('lets the applicant and the agency read the dossier', async () => {
    expect((await getDossier(no, citizenToken)).status).toBe(200);
    expect((await getDossier(no, agencyToken)).status).toBe(200);
  });

  it('answers 404 to another citizen and another agency', async () => {
    expect((await getDossier(no, otherCitizenToken)).status).toBe(404);
    expect((await getDossier(no, otherAgencyToken)).status).toBe(404);
  });

  it('does not let another agency act on the dossier, nor a citizen', async () => {
    const body = { kind: 'electronic', issuedAt: '2026-03-12T03:00:00Z' };
    expect((await api(`/v1/dossiers/${no}/result`, { body, token: otherAgencyToken })).status).toBe(404);
    expect((await api(`/v1/dossiers/${no}/result`, { body, token: citizenToken })).status).toBe(403);
    expect((await api(`/v1/dossiers/${uniqueCode('Y')}`, { method: 'PUT', body: registration(), token: otherAgencyToken })).status).toBe(403);
    expect((await api(`/v1/reports/kpis?agencyCode=${agency}&month=${month}`, { token: otherAgencyToken })).status).toBe(403);
  });

  it('refuses a request without a token before the handler runs', async () => {
    expect((await getDossier(no, '')).status).toBe(401);
  });

  it('keeps personal data out of the KPI report', async () => {
    const text = JSON.stringify(await kpis());
    expect(text).not.toContain(CITIZEN);
    expect(text).not.toContain('Nguyễn');
  });
});
