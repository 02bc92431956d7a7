import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoReceiptStore } from '../../shared/modules/receipts/dynamodb';
import { reserveReceipts } from '../../shared/modules/receipts/use-cases/issue-receipts';
import type { ReceiptDraft } from '../../shared/modules/receipts/domain/receipt';
import { agencyAndCitizen, api, devToken, registerEnterpriseAtCounter } from '../support/api-client';
import { documents, uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';
import { pdfText, pdfTextAvailable } from '../support/pdf-text';

/** Receipts on the shared local runtime: numbering on DynamoDB Local, and the whole path over HTTP. */
const store = new DynamoReceiptStore(documents(), inject('tableName'));
const form = { template: '01BLP0-001', seriesLetters: 'AA' };

function draft(agencyCode: string, i: number): ReceiptDraft {
  return {
    receiptId: `D${i}.fee`, fkey: `K${i}${randomUUID().slice(0, 8)}`, dossierNo: `${agencyCode}-D${i}`, agencyCode, agencyName: 'Sở thử nghiệm', kind: 'fee', purpose: 'original',
    payer: { name: 'Nguyễn Văn A', idNumber: '001099012345' }, lines: [{ code: 'PHI', label: 'Phí', amount: 10_000 }], amount: 10_000, amountInWords: 'Mười nghìn đồng',
  };
}

describe('Receipt numbering on DynamoDB Local', () => {
  it('100 concurrent payments of one agency take numbers 1…100: no gap, no duplicate', async () => {
    // Prepare
    const agency = uniqueCode('RC');
    const deps = { receipts: store, settings: { mode: 'separate' as const, form }, clock: { now: () => new Date('2027-03-01T03:00:00Z') } };
    // Act
    const started = Date.now();
    const reserved = await Promise.all(Array.from({ length: 100 }, (_, i) => reserveReceipts(deps, [draft(agency, i)])));
    const ms = Date.now() - started;
    // Assess
    const numbers = reserved.flat().map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const stored = await store.ofAgencyDay(agency, '2027-03-01');
    expect(new Set(stored.map((r) => r.receiptNo)).size).toBe(100);
    console.info(`100 concurrent reservations on one counter: ${ms} ms`);
  }, 60_000);

  it('restarts at 1 at Viet Nam midnight on 1 January, in the new year\'s series', async () => {
    const agency = uniqueCode('RY');
    const at = (iso: string) => ({ receipts: store, settings: { mode: 'separate' as const, form }, clock: { now: () => new Date(iso) } });
    await reserveReceipts(at('2026-12-31T16:00:00Z'), [draft(agency, 1)]);
    const [lastOf2026] = await reserveReceipts(at('2026-12-31T16:59:59Z'), [draft(agency, 2)]);
    const [firstOf2027] = await reserveReceipts(at('2026-12-31T17:00:00Z'), [draft(agency, 3)]);
    expect([lastOf2026!.number, lastOf2026!.series, lastOf2026!.receiptDate]).toEqual([2, 'AA-26E', '2026-12-31']);
    expect([firstOf2027!.number, firstOf2027!.series, firstOf2027!.receiptDate]).toEqual([1, 'AA-27E', '2027-01-01']);
    // The day's agency row comes with the day's first reservation only; the summary job finds the agency on both days.
    expect((await store.agenciesOn('2026-12-31')).filter((a) => a === agency)).toEqual([agency]);
    expect((await store.agenciesOn('2027-01-01')).filter((a) => a === agency)).toEqual([agency]);
  });
});

describe('GET /v1/dossiers/{dossierNo}/receipts after a payment', () => {
  const citizen = '079099054321';
  let agency: string;
  let agencyToken: string;
  let citizenToken: string;
  beforeAll(async () => {
    ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(citizen));
  });

  it('a paid dossier gets a phí and a lệ phí receipt, with PDFs the citizen and the agency can open', async (ctx) => {
    // Prepare: enterprise registration at the counter, 100,000 phí + 50,000 lệ phí.
    const no = await registerEnterpriseAtCounter(agencyToken, agency, { citizenId: citizen, fullName: 'Phạm Thị Thu Hà', phone: '0912000222' }, uniqueCode('H31.27'));
    const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect(payment.status, payment.text).toBe(201);
    // Act
    expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), 150_000))).RspCode).toBe('00');
    // Assess
    const listed = await until(() => api(`/v1/dossiers/${no}/receipts`, { token: citizenToken }), (r) => r.status === 200 && r.json.items.length === 2, 30_000);
    const items = listed.json.items as { kind: string; amount: number; receiptNo: string; series: string; pdfUrl: string }[];
    expect(items.map((r) => [r.kind, r.amount, r.receiptNo]).sort()).toEqual([
      ['charge', 50_000, expect.stringMatching(/^000000[12]$/)],
      ['fee', 100_000, expect.stringMatching(/^000000[12]$/)],
    ].sort());
    expect((await api(`/v1/dossiers/${no}/receipts`, { token: agencyToken })).json).toEqual(listed.json);
    expect((await api(`/v1/dossiers/${no}/receipts`, { token: await devToken({ role: 'citizen', sub: '079099099999' }) })).status).toBe(404);
    const charge = items.find((r) => r.kind === 'charge')!;
    const pdf = Buffer.from(await (await fetch(charge.pdfUrl)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!pdfTextAvailable) return ctx.skip();
    const text = pdfText(pdf);
    for (const expected of ['Phạm Thị Thu Hà', 'Lệ phí đăng ký doanh nghiệp', '50.000 đồng', 'Năm mươi nghìn đồng', `Ký hiệu: ${charge.series}`, `Số: ${charge.receiptNo}`]) expect(text).toContain(expected);
  }, 60_000);
});
