import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import { issueAdjustingReceipt, issueDossierReceipts, issueReceipt, reserveReceipts, type ReceiptDeps } from '../../../../../../shared/modules/receipts/use-cases/issue-receipts';
import { ReceiptProviderUnavailableError } from '../../../../../../shared/modules/receipts/ports';
import { planReceipts } from '../../../../../../shared/modules/receipts/domain/plan';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import { InMemoryReceiptStore } from '../../../../../fakes/receipt-store';
import { FakeReceiptProvider } from '../../../../../fakes/receipt-provider';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const label = (vi: string) => ({ vi, en: vi });

/** A dossier owing 50,000 phí, 100,000 lệ phí and 30,000 postage, paid in full. */
function paidDossier(overrides: Partial<Dossier> = {}): Dossier {
  const base = dossierOwing(0);
  const items = [
    { kind: 'fee' as const, code: 'PHI', label: label('Phí thẩm định'), amount: 50_000, basis: '', legalBasis: '' },
    { kind: 'charge' as const, code: 'LEPHI', label: label('Lệ phí cấp giấy'), amount: 100_000, basis: '', legalBasis: '' },
    { kind: 'postage' as const, code: 'BUUCHINH', label: label('Cước bưu chính'), amount: 30_000, basis: '', legalBasis: '' },
  ];
  return {
    ...base,
    agencyCode: 'HP-STP',
    fees: { ...base.fees, items, total: 180_000 },
    payments: [{ paymentId: 'pay-1', provider: 'vnpay', amount: 180_000, status: 'succeeded', paidAt: T0.toISOString() }],
    ...overrides,
  };
}

function setup(dossier: Dossier = paidDossier(), mode: 'separate' | 'combined' = 'separate') {
  const receipts = new InMemoryReceiptStore();
  const provider = new FakeReceiptProvider();
  let keys = 0;
  const deps: ReceiptDeps = {
    receipts,
    dossiers: { get: async (no) => (no === dossier.dossierNo ? dossier : undefined) },
    catalogue: { getAgency: async (code) => ({ code, name: label('Sở Tư pháp Hải Phòng'), provinceCode: '31' }) as never },
    provider,
    settings: { mode, form: { template: '01BLP0-001', seriesLetters: 'AA' } },
    clock: { now: () => T0 },
    newKey: () => `K${++keys}`,
  };
  return { deps, receipts, provider, dossier };
}

/** The drafts issueDossierReceipts plans for the paid dossier (same keys as it would make). */
function planned(deps: ReceiptDeps) {
  return planReceipts(paidDossier(), { mode: 'separate', agencyName: 'Sở Tư pháp Hải Phòng', newKey: deps.newKey });
}

describe('Use case: issueDossierReceipts', () => {
  it('issues one receipt for phí and one for lệ phí, numbered in sequence; postage gets none', async () => {
    // Prepare
    const { deps, provider } = setup();
    // Act
    const result = await issueDossierReceipts(deps, 'H31-0001', 'pay-1');
    // Assess
    expect(result.outcome).toBe('done');
    const issued = [...provider.issued.values()];
    expect(issued.map((r) => [r.kind, r.amount, r.number, r.series])).toEqual([
      ['fee', 50_000, 1, 'AA-26E'],
      ['charge', 100_000, 2, 'AA-26E'],
    ]);
    expect(issued[1]!.amountInWords).toBe('Một trăm nghìn đồng');
    expect(issued.flatMap((r) => r.lines.map((l) => l.code))).not.toContain('BUUCHINH');
  });

  it('issues one combined receipt when the agency is configured so', async () => {
    const { deps, provider } = setup(paidDossier(), 'combined');
    await issueDossierReceipts(deps, 'H31-0001');
    expect([...provider.issued.values()].map((r) => [r.kind, r.amount])).toEqual([['combined', 150_000]]);
  });

  it('issues nothing while the fees are not paid in full', async () => {
    const { deps, provider } = setup(paidDossier({ payments: [{ paymentId: 'p', provider: 'vnpay', amount: 100_000, status: 'succeeded' }] }));
    expect((await issueDossierReceipts(deps, 'H31-0001')).outcome).toBe('not_settled');
    expect(provider.issueCalls).toBe(0);
  });

  it('is idempotent: a redelivery reserves nothing new and calls the provider no more', async () => {
    const { deps, provider, receipts } = setup();
    await issueDossierReceipts(deps, 'H31-0001');
    await issueDossierReceipts(deps, 'H31-0001');
    expect(provider.issueCalls).toBe(2);
    expect([...receipts.counters.values()]).toEqual([2]);
  });

  it('a receipt is written twice: reserved (number and fkey) before the call, then its outcome; no lookup on the first call', async () => {
    const { deps, provider, receipts } = setup();
    await issueDossierReceipts(deps, 'H31-0001');
    expect(receipts.saves.map((r) => [r.receiptId, r.status, r.version])).toEqual([['H31-0001.fee', 'issued', 2], ['H31-0001.charge', 'issued', 2]]);
    expect(provider.lookups).toBe(0);
  });

  it('records the intent (numbered, fkey saved) before the provider is called', async () => {
    const { deps, provider, receipts } = setup();
    provider.outages = 1;
    await expect(issueDossierReceipts(deps, 'H31-0001')).rejects.toBeInstanceOf(ReceiptProviderUnavailableError);
    const fee = receipts.receipts.get('H31-0001.fee')!;
    expect([fee.status, fee.fkey, fee.number]).toEqual(['reserved', 'K1', 1]);
    expect(provider.issueCalls).toBe(1);
  });

  it('a crash after the provider acted (answer never recorded): the redelivery looks up by fkey first and issues nothing new', async () => {
    const { deps, provider, receipts } = setup();
    // The first invocation reserved both and the provider issued them; it died before writing the outcomes.
    const reserved = await reserveReceipts(deps, planned(deps));
    for (const r of reserved) provider.issued.set(r.fkey, r);
    const calls = provider.issueCalls;
    await issueDossierReceipts(deps, 'H31-0001');
    expect(provider.issueCalls).toBe(calls);
    expect([...receipts.receipts.values()].map((r) => r.status)).toEqual(['issued', 'issued']);
    expect(receipts.saves.map((r) => r.status)).toEqual(['issued', 'issued']);
  });
});

describe('Use case: issueReceipt after a timeout', () => {
  it('a timeout after the provider acted is answered by a lookup by fkey: issued once, never twice', async () => {
    // Prepare
    const { deps, provider, receipts } = setup();
    provider.timeoutsAfterIssuing = 1;
    // Act
    await issueDossierReceipts(deps, 'H31-0001');
    // Assess
    expect(provider.issued.size).toBe(2);
    expect(receipts.receipts.get('H31-0001.fee')!.status).toBe('issued');
    expect(receipts.saves.filter((r) => r.receiptId === 'H31-0001.fee').map((r) => r.status)).toEqual(['issued']);
  });

  it('when the lookup finds nothing yet, the retry looks up first and re-sends only the same fkey', async () => {
    const { deps, provider, receipts } = setup();
    provider.timeoutsAfterIssuing = 1;
    provider.blindLookups = 2;
    await expect(issueDossierReceipts(deps, 'H31-0001')).rejects.toBeInstanceOf(ReceiptProviderUnavailableError);
    // The retry: not its first call, so a lookup (blind), then the same fkey again → duplicate → fetched.
    await issueDossierReceipts(deps, 'H31-0001');
    const fee = receipts.receipts.get('H31-0001.fee')!;
    expect(fee.status).toBe('issued');
    expect([...provider.issued.keys()]).toEqual(['K1', 'K2']);
  });
});

describe('Use case: issueReceipt, ERR:13 and refusals', () => {
  it('a duplicate fkey (ERR:13) fetches the existing receipt instead of issuing another', async () => {
    const { deps, provider, receipts } = setup();
    const [fee] = await reserveReceipts(deps, [
      { receiptId: 'X.fee', fkey: 'DUP', dossierNo: 'X', agencyCode: 'HP-STP', agencyName: 'S', kind: 'fee', purpose: 'original', payer: { name: 'A', idNumber: '1' }, lines: [], amount: 1, amountInWords: 'Một đồng' },
    ]);
    provider.issued.set('DUP', fee!);
    const done = await issueReceipt(deps, fee!, { firstCall: true });
    expect(done.status).toBe('issued');
    expect(receipts.saves.map((r) => r.status)).toEqual(['issued']);
    expect(provider.issued.size).toBe(1);
    expect([provider.issueCalls, provider.lookups]).toEqual([1, 1]);
  });

  it('a refusal fails the receipt and keeps its number: the next receipt takes the next number', async () => {
    const { deps, provider, receipts } = setup();
    provider.refuse = { code: 'ERR:03', message: 'bad XML' };
    await issueDossierReceipts(deps, 'H31-0001');
    const fee = receipts.receipts.get('H31-0001.fee')!;
    expect([fee.status, fee.number, fee.failure?.code]).toEqual(['failed', 1, 'ERR:03']);
    expect(receipts.receipts.get('H31-0001.charge')!.number).toBe(2);
  });
});

describe('Use case: issueAdjustingReceipt', () => {
  it('a full refund adds an adjusting receipt per original, negative, naming it; the originals stay', async () => {
    // Prepare
    const { deps, receipts, provider } = setup();
    await issueDossierReceipts(deps, 'H31-0001');
    // Act
    const adjustments = await issueAdjustingReceipt(deps, { refundId: 'rf-1', dossierNo: 'H31-0001', amount: 150_000 });
    // Assess
    expect(adjustments.map((r) => [r.kind, r.purpose, r.amount, r.number, r.adjusts?.receiptNo, r.status])).toEqual([
      ['fee', 'adjustment', -50_000, 3, '0000001', 'issued'],
      ['charge', 'adjustment', -100_000, 4, '0000002', 'issued'],
    ]);
    expect(adjustments[0]!.amountInWords).toBe('Âm năm mươi nghìn đồng');
    expect([...receipts.receipts.values()].filter((r) => r.purpose === 'original').map((r) => [r.amount, r.status])).toEqual([
      [50_000, 'issued'],
      [100_000, 'issued'],
    ]);
    // Idempotent per refund: asked again, nothing more is issued.
    await issueAdjustingReceipt(deps, { refundId: 'rf-1', dossierNo: 'H31-0001', amount: 150_000 });
    expect(provider.issued.size).toBe(4);
  });

  it('a partial refund is split as told, and refused (naming the field) when it cannot be', async () => {
    const { deps } = setup();
    await issueDossierReceipts(deps, 'H31-0001');
    await expect(issueAdjustingReceipt(deps, { refundId: 'rf-2', dossierNo: 'H31-0001', amount: 20_000 })).rejects.toMatchObject({ details: [{ path: 'lines' }] });
    await expect(issueAdjustingReceipt(deps, { refundId: 'rf-2', dossierNo: 'H31-0001', amount: 60_000, lines: [{ kind: 'fee', amount: 60_000 }] })).rejects.toBeInstanceOf(InvalidInputError);
    const [adj] = await issueAdjustingReceipt(deps, { refundId: 'rf-2', dossierNo: 'H31-0001', amount: 20_000, lines: [{ kind: 'charge', amount: 20_000 }] });
    expect([adj!.kind, adj!.amount, adj!.adjusts?.receiptNo]).toEqual(['charge', -20_000, '0000002']);
  });
});
