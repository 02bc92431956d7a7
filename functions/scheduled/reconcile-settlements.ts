import { base } from '../../shared/app/container/base';
import { financeStore } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { fetchSettlementText, reconcileYesterday } from '../../shared/modules/finance/use-cases/scheduled-reconciliation';

const parts = [base, financeStore] as const;

/**
 * Daily reconciliation (đối soát) of day T at 06:00 Viet Nam time: each provider's day file, fetched
 * from SETTLEMENT_FILE_URL_<PROVIDER>, against the ledger; differences go to the exceptions queue.
 * `{ force: true }` runs it now (an operator's manual invoke).
 */
export const makeHandler = (container: ContainerOf<typeof parts>) => async (event?: { force?: boolean }) => {
  const results = await reconcileYesterday(
    { finance: container.financeStore, clock: container.clock, values: container.settings.values, fetchText: fetchSettlementText },
    event?.force === true,
  );
  for (const r of results) logger.info('reconciled', { provider: r.provider, day: r.day, counts: r.counts, matchedTotal: r.matchedTotal, exceptionsOpened: r.exceptionsOpened });
  return results.map(({ resultFile: _file, ...r }) => r);
};

export const handler = lazyHandler(makeHandler, parts);
