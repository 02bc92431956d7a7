import { base } from '../../shared/app/container/base';
import { financeStore } from '../../shared/app/container/finance';
import { settlementFiles } from '../../shared/app/container/settlement-files';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { reconcileYesterday } from '../../shared/modules/finance/use-cases/scheduled-reconciliation';

const parts = [base, financeStore, settlementFiles] as const;

/**
 * Daily reconciliation (đối soát) of day T from 06:00 Viet Nam time: each provider's day file, read
 * from the settlement bucket (SETTLEMENT_BUCKET, key per provider and date), against the ledger;
 * differences go to the exceptions queue. `{ force: true }` runs it now (an operator's manual invoke).
 */
export const makeHandler = (container: ContainerOf<typeof parts>) => async (event?: { force?: boolean }) => {
  const run = await reconcileYesterday(
    { finance: container.financeStore, clock: container.clock, values: container.settings.values, files: container.settlementFiles },
    event?.force === true,
  );
  for (const r of run.results) logger.info('reconciled', { provider: r.provider, day: r.day, counts: r.counts, matchedTotal: r.matchedTotal, exceptionsOpened: r.exceptionsOpened });
  if (run.missing.length > 0) logger.info('settlement files not delivered yet', { day: run.day, providers: run.missing });
  return { day: run.day, missing: run.missing, results: run.results.map(({ resultFile: _file, ...r }) => r) };
};

export const handler = lazyHandler(makeHandler, parts);
