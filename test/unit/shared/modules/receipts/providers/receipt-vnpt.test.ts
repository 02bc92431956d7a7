import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, pdfTextAvailable } from '../../../../../support/pdf-text';
import { receiptProviderSandbox, type ReceiptProviderSandbox } from '../../../../../../local/sandboxes/receipt-provider';
import { VnptReceiptProvider } from '../../../../../../shared/modules/receipts/providers/vnpt/provider';
import { invoiceXml, parsePublishReply, soapEnvelope, soapResult } from '../../../../../../shared/modules/receipts/providers/vnpt/protocol';
import { issueReceipt } from '../../../../../../shared/modules/receipts/use-cases/issue-receipts';
import { ReceiptProviderUnavailableError } from '../../../../../../shared/modules/receipts/ports';
import type { Receipt } from '../../../../../../shared/modules/receipts/domain/receipt';
import { InMemoryReceiptStore } from '../../../../../fakes/receipt-store';

/** The VNPT adapter against the sandbox provider over real HTTP: the wire format both sides speak. */
let sandbox: ReceiptProviderSandbox;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  sandbox = receiptProviderSandbox();
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0]!;
      const api = /^\/sandbox\/receipts\/api\/([^/]+)$/.exec(path);
      const pdf = /^\/sandbox\/receipts\/pdf\/([^/]+)$/.exec(path);
      const route = api ? sandbox.routes[0]! : sandbox.routes[1]!;
      void route.handle(request, response, Buffer.concat(chunks), api ? { service: api[1]! } : { fkey: pdf?.[1] ?? '' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function provider(overrides: { password?: string } = {}) {
  return new VnptReceiptProvider({
    apiUrl: `${baseUrl}/sandbox/receipts/api`,
    account: 'toantrinh',
    username: 'toantrinh',
    acPassword: 'sandbox',
    password: overrides.password ?? 'sandbox',
    pdfUrlTemplate: `${baseUrl}/sandbox/receipts/pdf/{fkey}`,
    timeoutMs: 2_000,
  });
}

let seq = 0;
function receipt(over: Partial<Receipt> = {}): Receipt {
  seq++;
  return {
    receiptId: `H31-${seq}.charge`, fkey: `FK${seq}T${Date.now()}`, dossierNo: `H31-${seq}`, agencyCode: 'HP-STP', agencyName: 'Sở Tư pháp thành phố Hải Phòng',
    kind: 'charge', purpose: 'original', payer: { name: 'Trần Thị Hồng Nhung', idNumber: '031099012345' },
    lines: [{ code: 'LP', label: 'Lệ phí cấp phiếu lý lịch tư pháp', amount: 200_000 }], amount: 200_000, amountInWords: 'Hai trăm nghìn đồng',
    template: '01BLP0-001', series: 'AA-27E', year: 2027, number: seq, receiptNo: String(seq).padStart(7, '0'), receiptDate: '2027-01-04',
    status: 'reserved', reservedAt: '2027-01-04T02:00:00.000Z', version: 1, ...over,
  };
}

describe('Protocol: VNPT replies', () => {
  it.each([
    ['OK:01BLP0-001;AA-27E-FK1_12', { ok: true, pattern: '01BLP0-001', serial: 'AA-27E', key: 'FK1', number: '12' }],
    ['ERR:13', { ok: false, code: 'ERR:13' }],
    ['gibberish', { ok: false, code: 'UNREADABLE' }],
  ])('%s', (text, parsed) => expect(parsePublishReply(text)).toEqual(parsed));

  it('escapes the receipt data inside the SOAP envelope and reads it back', () => {
    const xml = invoiceXml(receipt({ payer: { name: 'A & <B>', idNumber: '1' } }));
    expect(xml).toContain('<CusName>A &amp; &lt;B&gt;</CusName>');
    const envelope = soapEnvelope('ImportAndPublishInv', { xmlInvData: xml });
    expect(envelope).toContain('&lt;CusName&gt;A &amp;amp; &amp;lt;B&amp;gt;&lt;/CusName&gt;');
    expect(soapResult('<x><ImportAndPublishInvResult>OK:a;b-c_1</ImportAndPublishInvResult></x>', 'ImportAndPublishInv')).toBe('OK:a;b-c_1');
  });
});

describe('Class: VnptReceiptProvider against the sandbox', () => {
  it('issues, then answers ERR:13 (duplicate) for the same fkey; the lookup finds it', async () => {
    const r = receipt();
    expect(await provider().issue(r)).toMatchObject({ outcome: 'issued', receipt: { pdfUrl: `${baseUrl}/sandbox/receipts/pdf/${r.fkey}`, providerNo: String(r.number) } });
    expect(await provider().issue(r)).toEqual({ outcome: 'duplicate' });
    expect(await provider().findByKey(r)).toMatchObject({ providerNo: String(r.number) });
    expect(await provider().findByKey(receipt())).toBeUndefined();
  });

  it('ERR:13 through the use case: the existing receipt is fetched, the sandbox holds it once', async () => {
    const store = new InMemoryReceiptStore();
    const r = receipt();
    store.receipts.set(r.receiptId, r);
    await provider().issue(r); // an earlier call whose answer was lost
    const before = sandbox.state.receipts().length;
    const done = await issueReceipt({ receipts: store, provider: provider(), clock: { now: () => new Date() } }, r, { firstCall: true });
    expect(done.status).toBe('issued');
    expect(sandbox.state.receipts().length).toBe(before);
  });

  it('a dropped answer after issuing (timeout) is settled by the lookup, not a second receipt', async () => {
    const store = new InMemoryReceiptStore();
    const r = receipt();
    store.receipts.set(r.receiptId, r);
    sandbox.state.swallowReplies(1);
    const calls = sandbox.state.publishCalls;
    const done = await issueReceipt({ receipts: store, provider: provider(), clock: { now: () => new Date() } }, r, { firstCall: true });
    expect([done.status, sandbox.state.publishCalls - calls]).toEqual(['issued', 1]);
    expect(store.saves.map((s) => s.status)).toEqual(['issued']);
  });

  it('a wrong password is not the receipt\'s fault: retried, never failed', async () => {
    await expect(provider({ password: 'wrong' }).issue(receipt())).rejects.toBeInstanceOf(ReceiptProviderUnavailableError);
  });

  it('an adjusting receipt names its original by fkey', async () => {
    const original = receipt();
    await provider().issue(original);
    const adj = receipt({ purpose: 'adjustment', amount: -200_000, lines: [{ code: 'REFUND', label: 'Điều chỉnh giảm', amount: -200_000 }], amountInWords: 'Âm hai trăm nghìn đồng',
      adjusts: { receiptId: original.receiptId, template: original.template, series: original.series, receiptNo: original.receiptNo, receiptDate: original.receiptDate, fkey: original.fkey } });
    expect(await provider().issue(adj)).toMatchObject({ outcome: 'issued' });
    expect(sandbox.state.receipts().find((s) => s.fkey === adj.fkey)?.adjustsKey).toBe(original.fkey);
  });

  it.skipIf(!pdfTextAvailable)('serves a PDF with the legal fields that pdftotext reads back in Vietnamese', async () => {
    const r = receipt();
    const issued = await provider().issue(r);
    if (issued.outcome !== 'issued') throw new Error('not issued');
    const pdf = Buffer.from(await (await fetch(issued.receipt.pdfUrl)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Sở Tư pháp thành phố Hải Phòng', 'Trần Thị Hồng Nhung', 'Lệ phí cấp phiếu lý lịch tư pháp', '200.000 đồng', 'Hai trăm nghìn đồng', '01BLP0-001', 'AA-27E', `Số: ${r.receiptNo}`, 'Ngày 04/01/2027']) {
      expect(text).toContain(expected);
    }
  });
});
