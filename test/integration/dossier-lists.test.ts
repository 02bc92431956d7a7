import { randomInt, randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MainTable } from '../../shared/platform/config/resources';
import { createTableInput, ensureTable } from '../../local/provision';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import { api, devToken, registerOnlineDossier } from '../support/api-client';
import { documents, uniqueCode, until } from '../support/emulators';
import { runOperatorScript } from '../support/operator';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';
import { dossierOwing } from '../support/dossiers';

/**
 * GET /v1/me/dossiers and GET /v1/agencies/{agencyCode}/dossiers over HTTP on DynamoDB Local: who
 * sees what, pages that neither repeat nor skip, the status and window filters, refused cursors, and
 * dossiers written before the lists existed.
 */
const HOUR = 3_600_000;
const citizenId = () => String(randomInt(100_000_000_000, 999_999_999_999));
const [citizenA, citizenB] = [citizenId(), citizenId()];
let agencyA: string;
let agencyB: string;
const tokens: Record<string, string> = {};

interface Summary {
  dossierNo: string;
  agencyCode: string;
  status: string;
  submittedAt: string;
  amountDue: number;
  amountPaid: number;
}

/** Registers an owing online dossier submitted `hoursAgo` ago. */
async function register(agency: string, citizen: string, hoursAgo: number): Promise<{ no: string; submittedAt: string }> {
  const submittedAt = new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const no = await registerOnlineDossier(tokens[agency]!, agency, { citizenId: citizen, fullName: 'Đỗ Thị Lan', phone: '0912000333' }, uniqueCode('H31.26'), { submittedAt });
  return { no, submittedAt };
}

/** Every page of a list, following nextCursor. */
async function allPages(path: string, token: string, limit: number): Promise<Summary[][]> {
  const pages: Summary[][] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status, res.text).toBe(200);
    pages.push(res.json.items);
    cursor = res.json.nextCursor;
  } while (cursor);
  return pages;
}

const numbers = (items: Summary[]) => items.map((s) => s.dossierNo);
/** Newest submission first, as the lists promise. */
const newestFirst = (registered: { no: string; submittedAt: string }[]) => [...registered].sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1)).map((r) => r.no);

const mine: { no: string; submittedAt: string }[] = [];
const ofAgencyA: { no: string; submittedAt: string }[] = [];

beforeAll(async () => {
  agencyA = uniqueCode('HP');
  agencyB = uniqueCode('HP');
  tokens[agencyA] = await devToken({ role: 'agency', agency: agencyA });
  tokens[agencyB] = await devToken({ role: 'agency', agency: agencyB });
  tokens.citizenA = await devToken({ role: 'citizen', sub: citizenA });
  tokens.citizenB = await devToken({ role: 'citizen', sub: citizenB });
  tokens.city = await devToken({ role: 'city' });
  // Agency A: seven of citizen A's dossiers, a day apart; agency B: two more of A's and one of B's.
  for (let day = 1; day <= 7; day++) {
    const r = await register(agencyA, citizenA, day * 24);
    mine.push(r);
    ofAgencyA.push(r);
  }
  mine.push(await register(agencyB, citizenA, 2), await register(agencyB, citizenA, 30));
  await register(agencyB, citizenB, 5);
}, 60_000);

describe('GET /v1/me/dossiers', () => {
  it("shows a citizen their own dossiers of every agency, newest first, in pages that neither repeat nor skip", async () => {
    // Act: pages of 4 over 9 dossiers
    const pages = await allPages('/v1/me/dossiers', tokens.citizenA!, 4);

    // Assess
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    expect(numbers(pages.flat())).toEqual(newestFirst(mine));
    expect(pages.flat()[0]).toEqual({
      dossierNo: expect.any(String), procedureCode: '2.000815', agencyCode: expect.any(String), channel: 'online', status: 'AWAITING_PAYMENT',
      submittedAt: expect.any(String), updatedAt: expect.any(String), feesTotal: 5_000, amountDue: 5_000, amountPaid: 0,
    });
  });

  it("shows another citizen only theirs, and no agency", async () => {
    const theirs = (await allPages('/v1/me/dossiers', tokens.citizenB!, 20)).flat();
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.agencyCode).toBe(agencyB);
    expect((await api('/v1/me/dossiers', { token: tokens[agencyA]! })).status).toBe(403);
    expect((await api('/v1/me/dossiers')).status).toBe(401);
  });

  it("refuses with 400 on cursor a cursor of another citizen's list and one that is no cursor", async () => {
    const first = await api('/v1/me/dossiers?limit=2', { token: tokens.citizenA! });
    const foreign = await api(`/v1/me/dossiers?cursor=${first.json.nextCursor}`, { token: tokens.citizenB! });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    const garbage = await api('/v1/me/dossiers?cursor=eyJub3QiOiJhIGN1cnNvciJ9', { token: tokens.citizenA! });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error.details[0].path).toBe('cursor');
  });
});

describe('GET /v1/agencies/{agencyCode}/dossiers', () => {
  it('gives an agency its own queue only (403 for another), and the city role any', async () => {
    expect(numbers((await allPages(`/v1/agencies/${agencyA}/dossiers`, tokens[agencyA]!, 3)).flat())).toEqual(newestFirst(ofAgencyA));
    const other = await api(`/v1/agencies/${agencyB}/dossiers`, { token: tokens[agencyA]! });
    expect(other.status).toBe(403);
    expect(other.json.error.details).toEqual([{ path: 'agencyCode', message: 'must be the agency of the token' }]);
    expect((await api(`/v1/agencies/${agencyA}/dossiers`, { token: tokens.citizenA! })).status).toBe(403);
    const asCity = (await allPages(`/v1/agencies/${agencyB}/dossiers`, tokens.city!, 10)).flat();
    expect(asCity.map((s) => s.agencyCode)).toEqual([agencyB, agencyB, agencyB]);
  });

  it('selects by submission window (Viet Nam days or instants), in full pages', async () => {
    // The 2nd to the 5th newest of agency A, by their instants.
    const sorted = [...ofAgencyA].sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
    const window = `from=${encodeURIComponent(sorted[4]!.submittedAt)}&to=${encodeURIComponent(sorted[1]!.submittedAt)}`;
    const pages = await allPages(`/v1/agencies/${agencyA}/dossiers?${window}`, tokens[agencyA]!, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(numbers(pages.flat())).toEqual(sorted.slice(1, 5).map((r) => r.no));

    const bad = await api(`/v1/agencies/${agencyA}/dossiers?from=2026-03-02&to=2026-03-01`, { token: tokens[agencyA]! });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('to');
  });

  it('selects by status with full pages, and follows a dossier whose payment moves it to PROCESSING', async () => {
    // Prepare: citizen A pays the newest dossier of agency A
    const paid = newestFirst(ofAgencyA)[0]!;
    const pay = await api(`/v1/dossiers/${paid}/payments`, { token: tokens.citizenA!, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect(pay.status, pay.text).toBe(201);
    expect((await ipn(ipnParams(txnRefOf(pay.json.redirectUrl), 5_000))).RspCode).toBe('00');

    // Act
    const processing = await until(
      () => api(`/v1/agencies/${agencyA}/dossiers?status=PROCESSING`, { token: tokens[agencyA]! }),
      (res) => res.json?.items?.length === 1,
    );
    const awaiting = await allPages(`/v1/agencies/${agencyA}/dossiers?status=AWAITING_PAYMENT`, tokens[agencyA]!, 4);

    // Assess
    expect(processing.json.items[0]).toMatchObject({ dossierNo: paid, status: 'PROCESSING', amountDue: 0, amountPaid: 5_000 });
    expect(awaiting.map((p) => p.length)).toEqual([4, 2]);
    expect(numbers(awaiting.flat())).toEqual(newestFirst(ofAgencyA).slice(1));
    const cursorOfStatus = (await api(`/v1/agencies/${agencyA}/dossiers?status=AWAITING_PAYMENT&limit=2`, { token: tokens[agencyA]! })).json.nextCursor;
    const reused = await api(`/v1/agencies/${agencyA}/dossiers?status=PROCESSING&cursor=${cursorOfStatus}`, { token: tokens[agencyA]! });
    expect(reused.status).toBe(400);
    expect(reused.json.error.details[0].path).toBe('cursor');
    // The citizen's list shows the same change.
    expect((await allPages('/v1/me/dossiers', tokens.citizenA!, 20)).flat().find((s) => s.dossierNo === paid)).toMatchObject({ status: 'PROCESSING', amountPaid: 5_000 });
  }, 40_000);
});

describe('dossiers written before the lists existed', () => {
  const dynamo = new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: LOCAL_REGION, credentials: localCredentials });
  const legacyTable = `Legacy-${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    await dynamo.send(new DeleteTableCommand({ TableName: legacyTable })).catch(() => undefined);
    dynamo.destroy();
  });

  it('are listed after npm run dossiers:reindex, which writes nothing the second time', async () => {
    // Prepare: a dossier item as the store wrote it before, with no list rows
    const citizen = citizenId();
    const old = { ...dossierOwing(5_000, { agencyCode: agencyB, applicant: { citizenId: citizen, fullName: 'Vũ Văn Cũ', phone: '+84912000444' } }), dossierNo: uniqueCode('H31.25') };
    await documents().send(new PutCommand({ TableName: inject('tableName'), Item: { pk: `DOSSIER#${old.dossierNo}`, sk: 'DOSSIER', ...old } }));
    const token = await devToken({ role: 'citizen', sub: citizen });
    expect((await api('/v1/me/dossiers', { token })).json.items).toEqual([]);

    // Act
    const first = runOperatorScript('scripts/dossiers-reindex.ts', []);
    const second = runOperatorScript('scripts/dossiers-reindex.ts', []);

    // Assess
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Listed \d+ dossiers in table .*: [1-9]\d* list rows written/);
    expect(second.stdout).toMatch(/: 0 list rows written/);
    expect(numbers((await api('/v1/me/dossiers', { token })).json.items)).toEqual([old.dossierNo]);
    expect(numbers((await allPages(`/v1/agencies/${agencyB}/dossiers?status=AWAITING_PAYMENT`, tokens[agencyB]!, 10)).flat())).toContain(old.dossierNo);
  }, 60_000);

  it('live in a local table that gets the new index added when the runtime starts on an old data folder', async () => {
    // Prepare: the table as it was declared before gsi2
    const before = { ...MainTable, globalSecondaryIndexes: MainTable.globalSecondaryIndexes.filter((i) => i.indexName === 'gsi1') };
    await dynamo.send(new CreateTableCommand(createTableInput(before, legacyTable)));

    // Act
    const ensured = await ensureTable(dynamo, MainTable, legacyTable);
    const again = await ensureTable(dynamo, MainTable, legacyTable);

    // Assess
    expect(ensured.addedIndexes).toEqual(['gsi2']);
    expect(again.addedIndexes).toEqual([]);
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: legacyTable }));
    expect(Table!.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([['gsi1', 'ACTIVE'], ['gsi2', 'ACTIVE']]);
  });
});

