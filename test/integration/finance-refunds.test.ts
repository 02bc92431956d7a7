import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it } from 'vitest';
import { DynamoFinanceStore } from '../../shared/modules/finance/dynamodb';
import { confirmManualRefund, listRefunds, pollSubmittedRefunds, requestRefund, type RefundDeps } from '../../shared/modules/finance/use-cases/refunds';
import { collectionEntry, raiseUnmatchedTransfer, resolveException } from '../../shared/modules/finance/use-cases/exceptions';
import type { Payment, RefundAnswer } from '../../shared/modules/payments';
import { DynamoIdempotencyRecords } from '../../shared/modules/payments';
import type { AdjustingReceiptRequest, RefundGateway } from '../../shared/modules/finance/ports';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { documents } from '../support/emulators';

/**
 * The finance use cases on the real store (DynamoDB Local of the shared runtime): the sum of refunds
 * held under races, 94 → query → refunded, 95, manual refunds. The provider is a scripted double of
 * the refund port (the VNPay wire format has its own known-answer tests).
 */
const clock = { now: () => new Date() };
const agency = { kind: 'agency', agencyCode: 'HP-STP' } as const;

function payment(provider: Payment['provider'], amount: number): Payment {
  const id = `pay_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  return {
    paymentId: id, dossierNo: `HS-${id.slice(4, 12)}`, citizenId: '001099012345', agencyCode: 'HP-STP', provider, providerRef: id.slice(4), amount, currency: 'VND',
    status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: '2026-03-02T01:00:00.000Z', expiresAt: '2026-03-02T01:15:00.000Z',
    providerTransactionId: '14226112', completedAt: '2026-03-02T01:01:00.000Z', version: 2,
  };
}

/** Answers submit and query from scripts, counting calls. */
class ScriptedGateway implements RefundGateway {
  submits = 0;
  queries = 0;
  constructor(private readonly onSubmit: RefundAnswer['outcome'][], private readonly onQuery: RefundAnswer['outcome'][] = []) {}
  async submit(): Promise<RefundAnswer> {
    const outcome = this.onSubmit[Math.min(this.submits++, this.onSubmit.length - 1)]!;
    return { outcome, code: { refunded: '00', processing: '94', not_refundable: '95', refused: '91', unknown: '99' }[outcome] };
  }
  async query(): Promise<RefundAnswer> {
    return { outcome: this.onQuery[Math.min(this.queries++, this.onQuery.length - 1)] ?? 'unknown' };
  }
}

/** The use cases on the shared table; each payment's money booked (as the finance reaction books it) before any refund. */
async function deps(payments: Payment[], gateway?: RefundGateway, receiptRequests?: RefundDeps['receiptRequests']): Promise<RefundDeps> {
  const byId = new Map(payments.map((p) => [p.paymentId, p]));
  const client = documents();
  const finance = new DynamoFinanceStore(client, inject('tableName'));
  for (const p of payments) await finance.book(collectionEntry(p, new Date(p.completedAt!), p.amount, undefined, p.providerTransactionId));
  return {
    finance,
    ...(receiptRequests ? { receiptRequests } : {}),
    payments: { get: async (id) => byId.get(id), findByProviderRef: async (_p, ref) => payments.find((p) => p.providerRef === ref) },
    gateways: gateway ? { vnpay: gateway } : {},
    idempotency: new DynamoIdempotencyRecords(client, inject('tableName')),
    clock,
  };
}

describe('Refunds on DynamoDB', () => {
  it('lets 50 concurrent partial refunds take no more than was paid (conditional write)', async () => {
    const paid = payment('vietqr', 100_000);
    const d = await deps([paid]);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => requestRefund(d, agency, paid.paymentId, { amount: 7_000, reason: `part ${i}` }, randomUUID())),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted).toHaveLength(14); // 14 × 7 000 = 98 000 ≤ 100 000 < 15 × 7 000
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'REFUND_EXCEEDS_PAYMENT')).toBe(true);
    const list = await listRefunds(d, agency, paid.paymentId);
    expect(list.items.reduce((s, r) => s + r.amount, 0)).toBe(98_000);
    expect(list.refundable).toBe(2_000);
  }, 60_000);

  it('answers the same Idempotency-Key and body with the same refund, and refuses a full refund beyond what remains', async () => {
    const paid = payment('vietqr', 50_000);
    const d = await deps([paid]);
    const key = randomUUID();
    const first = await requestRefund(d, agency, paid.paymentId, { amount: 50_000, reason: 'hồ sơ bị từ chối' }, key);
    const again = await requestRefund(d, agency, paid.paymentId, { amount: 50_000, reason: 'hồ sơ bị từ chối' }, key);
    expect(again.body.refundId).toBe(first.body.refundId);
    expect(first.body).toMatchObject({ scope: 'full', method: 'manual', status: 'requested' });
    await expect(requestRefund(d, agency, paid.paymentId, { amount: 1, reason: 'x' }, randomUUID())).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT' });
    await expect(requestRefund(d, { kind: 'agency', agencyCode: 'OTHER' }, paid.paymentId, { amount: 1, reason: 'x' }, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('treats 94 as in progress: queried, never sent again, then refunded', async () => {
    const paid = payment('vnpay', 80_000);
    const gateway = new ScriptedGateway(['processing'], ['processing', 'refunded']);
    const d = await deps([paid], gateway);
    const { body } = await requestRefund(d, agency, paid.paymentId, { amount: 30_000, reason: 'thu thừa' }, randomUUID());
    expect(body).toMatchObject({ status: 'submitted', scope: 'partial', providerCode: '94' });
    await pollSubmittedRefunds(d);
    expect((await listRefunds(d, agency, paid.paymentId)).items[0]!.status).toBe('submitted');
    await pollSubmittedRefunds(d);
    expect((await listRefunds(d, agency, paid.paymentId)).items[0]!.status).toBe('refunded');
    expect(gateway.submits).toBe(1);
  });

  it('makes 95 not refundable and gives its amount back', async () => {
    const paid = payment('vnpay', 40_000);
    const d = await deps([paid], new ScriptedGateway(['not_refundable']));
    const { body } = await requestRefund(d, agency, paid.paymentId, { amount: 40_000, reason: 'x' }, randomUUID());
    expect(body).toMatchObject({ status: 'not_refundable', scope: 'full' });
    expect((await listRefunds(d, agency, paid.paymentId)).refundable).toBe(40_000);
  });

  it('records a manual refund confirmed by the agency, and books it', async () => {
    const paid = payment('vietqr', 60_000);
    const d = await deps([paid]);
    const { body } = await requestRefund(d, agency, paid.paymentId, { amount: 60_000, reason: 'x' }, randomUUID());
    const done = await confirmManualRefund(d, agency, paid.paymentId, body.refundId, { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'Trần Thị B', transferReference: 'FT2606' });
    expect(done.status).toBe('refunded');
    const book = await d.finance.bookOfAgency('HP-STP', new Date().toISOString().slice(0, 10));
    expect(book.some((e) => e.refundId === body.refundId && e.kind === 'refund' && e.amount === 60_000)).toBe(true);
  });

  it('splits concurrent refunds by fee kind without giving back more of a kind, and keeps each adjusting-receipt request until sent', async () => {
    // Prepare: 20,000 phí and 40,000 lệ phí paid; the receipt queue is down at first.
    const paid = payment('vietqr', 60_000);
    const finance = new DynamoFinanceStore(documents(), inject('tableName'));
    await finance.book({ ...collectionEntry(paid, new Date(paid.completedAt!), 60_000, undefined, paid.providerTransactionId), byFeeKind: { fee: 20_000, charge: 40_000 } });
    const sent: AdjustingReceiptRequest[] = [];
    let queueUp = false;
    const d = await deps([paid], undefined, async (request) => {
      if (!queueUp) throw new Error('queue unreachable');
      sent.push(request);
    });
    const manual = { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'Trần Thị B', transferReference: 'FT1' };
    const ids: string[] = [];
    for (const amount of [10_000, 20_000, 30_000]) ids.push((await requestRefund(d, agency, paid.paymentId, { amount, reason: 'x' }, randomUUID())).body.refundId);

    // Act: all three confirmed at once (the refunded total on the payment's guard item serialises the splits).
    await Promise.all(ids.map((id) => confirmManualRefund(d, agency, paid.paymentId, id, manual)));

    // Assess
    const out = (await finance.bookOfAgency('HP-STP', vietnamDate(new Date()))).filter((e) => e.paymentId === paid.paymentId && e.kind === 'refund');
    expect(out).toHaveLength(3);
    expect(out.reduce((s, e) => s + (e.byFeeKind.fee ?? 0), 0)).toBe(20_000);
    expect(out.reduce((s, e) => s + (e.byFeeKind.charge ?? 0), 0)).toBe(40_000);
    const due = (await finance.dueReceiptRequests(new Date(Date.now() + 60_000), 100)).filter((r) => ids.includes(r.refundId));
    expect(due.map((r) => r.refundId).sort()).toEqual([...ids].sort());
    queueUp = true;
    await pollSubmittedRefunds({ ...d, clock: { now: () => new Date(Date.now() + 5 * 60_000) } });
    expect(sent.filter((r) => ids.includes(r.refund.refundId)).map((r) => r.refund.amount).sort((a, b) => a - b)).toEqual([10_000, 20_000, 30_000]);
    expect((await finance.dueReceiptRequests(new Date(Date.now() + 60_000), 100)).filter((r) => ids.includes(r.refundId))).toHaveLength(0);
  });

  it('opens an unmatched transfer once however often it is raised, and audits its manual match', async () => {
    const finance = new DynamoFinanceStore(documents(), inject('tableName'));
    const transfer = { reference: 'NO-SUCH-REF', amount: 25_000, transactionId: `FT${randomUUID().slice(0, 8)}`, paidAt: '2026-03-02T16:30:00Z' };
    expect(await raiseUnmatchedTransfer({ finance, clock }, transfer)).toBe(true);
    expect(await raiseUnmatchedTransfer({ finance, clock }, transfer)).toBe(false);
    const id = `exc_unmatched_transfer_vietqr_${transfer.transactionId}`;
    expect((await finance.getException(id))?.raw).toEqual(transfer);
    const dossiers = { get: async (no: string) => ({ dossierNo: no, agencyCode: 'HP-STP' }) as never };
    const resolved = await resolveException({ finance, dossiers, clock }, agency, id, { kind: 'manual_match', note: 'chuyển khoản ghi sai nội dung', dossierNo: 'HS-1' });
    expect(resolved).toMatchObject({ status: 'resolved', agencyCode: 'HP-STP', dossierNo: 'HS-1', resolution: { kind: 'manual_match', by: 'agency:HP-STP' } });
    await expect(resolveException({ finance, dossiers, clock }, agency, id, { kind: 'note', note: 'again' })).rejects.toMatchObject({ code: 'EXCEPTION_ALREADY_RESOLVED' });
    // The 23:30 transfer is booked by the bank on the next day, once, and now as the matching agency's money of that dossier.
    expect((await finance.bookOfProvider('vietqr', '2026-03-03')).filter((e) => e.transactionId === transfer.transactionId)).toEqual([
      expect.objectContaining({ agencyCode: 'HP-STP', dossierNo: 'HS-1', amount: 25_000, byFeeKind: { unallocated: 25_000 } }),
    ]);
    expect((await finance.bookOfAgency('HP-STP', '2026-03-02')).some((e) => e.transactionId === transfer.transactionId)).toBe(true);
    expect((await finance.bookOfAgency('UNASSIGNED', '2026-03-02')).some((e) => e.transactionId === transfer.transactionId)).toBe(false);
  });
});
