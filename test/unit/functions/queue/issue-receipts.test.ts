import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeHandler } from '../../../../functions/queue/issue-receipts';
import { createContainer } from '../../../../shared/app/container';
import { settingsFromEnv } from '../../../../shared/app/settings';
import type { Dossier } from '../../../../shared/modules/dossiers';
import type { Payment } from '../../../../shared/modules/payments';
import type { AdjustingReceiptRequest } from '../../../../shared/modules/finance';
import { collectionEntry } from '../../../../shared/modules/finance/use-cases/exceptions';
import { confirmManualRefund, requestRefund, type RefundDeps } from '../../../../shared/modules/finance/use-cases/refunds';
import { issueDossierReceipts, type ReceiptDeps } from '../../../../shared/modules/receipts/use-cases/issue-receipts';
import { InMemoryFinanceStore } from '../../../fakes/finance-store';
import { InMemoryReceiptStore } from '../../../fakes/receipt-store';
import { FakeReceiptProvider } from '../../../fakes/receipt-provider';
import { dossierOwing, T0 } from '../../../support/dossiers';
import { lambdaContextStub } from '../../../support/http-event';

const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };
const label = (vi: string) => ({ vi, en: vi });

/** A dossier of 50,000 phí, 100,000 lệ phí and 30,000 postage, paid by one VietQR payment. */
function paidDossier(): { dossier: Dossier; payment: Payment } {
  const base = dossierOwing(0);
  const items = [
    { kind: 'fee' as const, code: 'PHI', label: label('Phí thẩm định'), amount: 50_000, basis: '', legalBasis: '' },
    { kind: 'charge' as const, code: 'LEPHI', label: label('Lệ phí'), amount: 100_000, basis: '', legalBasis: '' },
    { kind: 'postage' as const, code: 'BC', label: label('Cước'), amount: 30_000, basis: '', legalBasis: '' },
  ];
  const payment: Payment = {
    paymentId: 'pay_RECEIPTS0000000000', dossierNo: base.dossierNo, citizenId: '031099012345', agencyCode: 'HP-STP', provider: 'vietqr', providerRef: 'R1', amount: 180_000,
    currency: 'VND', status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(), expiresAt: T0.toISOString(), providerTransactionId: 'FT1', version: 2,
  };
  const dossier: Dossier = {
    ...base, agencyCode: 'HP-STP', fees: { ...base.fees, items, total: 180_000 },
    payments: [{ paymentId: payment.paymentId, provider: 'vietqr', amount: 180_000, status: 'succeeded', paidAt: T0.toISOString() }],
  };
  return { dossier, payment };
}

function record(body: AdjustingReceiptRequest, id: string): SQSRecord {
  return {
    messageId: id, receiptHandle: `h-${id}`, body: JSON.stringify(body),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:receipt-issuance', awsRegion: 'ap-southeast-1',
  };
}

describe('Function: issue-receipts with a refund\u2019s adjusting-receipt request', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('issues exactly one adjusting receipt per receipt the refund reduces, however often the message is delivered', async () => {
    // Prepare: the dossier's two receipts issued; a partial refund paid out, its request captured as the queue would carry it.
    const { dossier, payment } = paidDossier();
    const receipts = new InMemoryReceiptStore();
    const provider = new FakeReceiptProvider();
    let keys = 0;
    const receiptDeps: ReceiptDeps = {
      receipts, provider, clock, dossiers: { get: async () => dossier },
      catalogue: { getAgency: async (code) => ({ code, name: label('Sở Tư pháp'), provinceCode: '31' }) as never },
      settings: { mode: 'separate', form: { template: '01BLP0-001', seriesLetters: 'AA' } },
      newKey: () => `K${++keys}`,
    };
    await issueDossierReceipts(receiptDeps, dossier.dossierNo, payment.paymentId);
    const finance = new InMemoryFinanceStore();
    await finance.book(collectionEntry(payment, T0, payment.amount, dossier, payment.providerTransactionId));
    const queued: AdjustingReceiptRequest[] = [];
    const refundDeps: RefundDeps = {
      finance, clock, gateways: {}, receiptRequests: async (r) => void queued.push(r),
      payments: { get: async () => payment, findByProviderRef: async () => payment },
      idempotency: { begin: async () => ({ kind: 'new' }), complete: async () => {}, abandon: async () => {} },
    };
    const agency = { kind: 'agency', agencyCode: 'HP-STP' } as const;
    const { body } = await requestRefund(refundDeps, agency, payment.paymentId, { amount: 90_000, reason: 'hồ sơ trả lại một phần' }, 'k1');
    await confirmManualRefund(refundDeps, agency, payment.paymentId, body.refundId, { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'B', transferReference: 'FT9' });
    expect(queued).toHaveLength(1);
    const container = createContainer(settingsFromEnv({}), { clock, receiptDeps: Promise.resolve(receiptDeps), sqsClient: { send: async () => ({}) } as never });
    const handler = makeHandler(container);

    // Act: the same message twice in one batch (processed side by side), then redelivered once more.
    const first = await handler({ Records: [record(queued[0]!, 'm1'), record(queued[0]!, 'm2')] } satisfies SQSEvent, lambdaContextStub);
    const retried = first.batchItemFailures.length > 0 ? await handler({ Records: first.batchItemFailures.map((f) => record(queued[0]!, `${f.itemIdentifier}-again`)) }, lambdaContextStub) : first;
    const again = await handler({ Records: [record(queued[0]!, 'm3')] }, lambdaContextStub);

    // Assess
    expect([retried.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    const adjustments = [...receipts.receipts.values()].filter((r) => r.refundId === body.refundId);
    expect(adjustments.map((r) => [r.kind, r.amount, r.status, r.adjusts?.receiptNo]).sort()).toEqual([
      ['charge', -50_000, 'issued', '0000002'],
      ['fee', -25_000, 'issued', '0000001'],
    ]);
    expect([...provider.issued.values()].filter((r) => r.refundId === body.refundId)).toHaveLength(2);
    // The originals stay as issued: a refund adjusts, never deletes.
    expect([...receipts.receipts.values()].filter((r) => r.purpose === 'original').map((r) => [r.kind, r.amount, r.status])).toEqual([
      ['fee', 50_000, 'issued'],
      ['charge', 100_000, 'issued'],
    ]);
  });
});
