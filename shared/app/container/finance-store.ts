import { DynamoFinanceStore } from '../../modules/finance/dynamodb';
import type { FinanceStore } from '../../modules/finance/ports';
import { dynamo } from './dynamo';
import { definePart } from './part';

export interface FinanceStoreMembers {
  readonly financeStore: FinanceStore;
}

/**
 * The finance book, refunds and exceptions: every finance function reads it, and settlement raises
 * unclaimed money in it. Its own file, so the payments part can need it without a cycle (finance.ts
 * needs the payments parts).
 */
export const financeStore = /* @__PURE__ */ definePart<FinanceStoreMembers>()('financeStore', [dynamo], (c, { once, tableName }) => ({
  get financeStore() {
    return once('financeStore', () => new DynamoFinanceStore(c.documentClient, tableName()));
  },
}));
