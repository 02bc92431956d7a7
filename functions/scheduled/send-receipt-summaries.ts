import { base } from '../../shared/app/container/base';
import { receipts } from '../../shared/app/container/receipts';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { receiptSummaryMissed } from '../../shared/platform/observability/metrics';
import { sendDailySummaries } from '../../shared/modules/receipts/use-cases/daily-summary';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, receipts] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Every 30 minutes: each agency's same-day receipt summary (01/TH-BLĐT), sent again when the day has
 * new receipts. A summary of yesterday that had not gone out by midnight is sent late and counted in
 * ReceiptSummaryMissed, whose alarm tells the operator the legal deadline was missed.
 */
export const makeHandler = (container: Deps) => async () => {
  const deps = await container.receiptDeps;
  const result = await sendDailySummaries({ receipts: deps.receipts, catalogue: deps.catalogue, provider: deps.provider, clock: container.clock });
  for (const _agency of result.missed) receiptSummaryMissed();
  if (result.sent.length > 0 || result.missed.length > 0) logger.info('receipt summaries', { sent: result.sent.length, missed: result.missed });
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
