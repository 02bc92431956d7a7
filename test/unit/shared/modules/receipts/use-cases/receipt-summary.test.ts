import { describe, expect, it } from 'vitest';
import { sendDailySummaries } from '../../../../../../shared/modules/receipts/use-cases/daily-summary';
import { issueDossierReceipts, type ReceiptDeps } from '../../../../../../shared/modules/receipts/use-cases/issue-receipts';
import { InMemoryReceiptStore } from '../../../../../fakes/receipt-store';
import { FakeReceiptProvider } from '../../../../../fakes/receipt-provider';
import { dossierOwing } from '../../../../../support/dossiers';

/** 2027-01-04 10:00 in Viet Nam. */
let now = new Date('2027-01-04T03:00:00Z');
const clock = { now: () => now };

function setup() {
  const receipts = new InMemoryReceiptStore();
  const provider = new FakeReceiptProvider();
  const dossier = (no: string) => ({ ...dossierOwing(50_000), dossierNo: no, agencyCode: 'HP-STP', payments: [{ paymentId: `p-${no}`, provider: 'vnpay', amount: 50_000, status: 'succeeded' as const }] });
  let k = 0;
  const deps: ReceiptDeps = {
    receipts,
    dossiers: { get: async (no) => dossier(no) },
    catalogue: { getAgency: async () => undefined },
    provider,
    settings: { mode: 'separate', form: { template: '01BLP0-001', seriesLetters: 'AA' } },
    clock,
    newKey: () => `K${++k}`,
  };
  return { deps, receipts, provider, summaryDeps: { receipts, catalogue: deps.catalogue, provider, clock } };
}

describe('Use case: sendDailySummaries', () => {
  it('sends the day\'s summary once, again only when the day has more receipts', async () => {
    // Prepare
    const { deps, provider, summaryDeps } = setup();
    await issueDossierReceipts(deps, 'D-1');
    // Act
    const first = await sendDailySummaries(summaryDeps);
    const idle = await sendDailySummaries(summaryDeps);
    await issueDossierReceipts(deps, 'D-2');
    const again = await sendDailySummaries(summaryDeps);
    // Assess
    expect([first.sent.length, idle.sent.length, again.sent.length]).toEqual([1, 0, 1]);
    expect(provider.summaries.map((s) => s.summary.issuedCount)).toEqual([1, 2]);
    expect(provider.summaries[1]!.csv).toContain('Mẫu 01/TH-BLĐT');
    expect(first.missed).toEqual([]);
  });

  it('a receipt after the day\'s last summary is sent the next day and counted as missed (the alarm)', async () => {
    const { deps, summaryDeps } = setup();
    now = new Date('2027-01-04T16:50:00Z'); // 23:50 in Viet Nam
    await sendDailySummaries(summaryDeps);
    await issueDossierReceipts(deps, 'D-3');
    now = new Date('2027-01-04T17:20:00Z'); // 00:20 the next day
    const run = await sendDailySummaries(summaryDeps);
    expect(run).toEqual({ sent: [{ agencyCode: 'HP-STP', date: '2027-01-04' }], missed: ['HP-STP'] });
  });
});
