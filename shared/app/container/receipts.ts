import { randomBytes } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { integerEnv } from '../../platform/config/env';
import type { ReceiptProvider, ReceiptStore } from '../../modules/receipts/ports';
import { DynamoReceiptStore } from '../../modules/receipts/dynamodb';
import { ReceiptProviders, type ReceiptProviderRegistry } from '../../modules/receipts/providers/registry';
import { loadReceiptSettings, type ReceiptSettings } from '../../modules/receipts/settings';
import type { ReceiptDeps } from '../../modules/receipts/use-cases/issue-receipts';
import type { RefundForReceipts } from '../../modules/receipts/domain/plan';
import { base } from './base';
import { catalogue } from './catalogue';
import { dynamo } from './dynamo';
import { dossierStore } from './dossiers';
import { secrets } from './secrets';
import { sqs } from './sqs';
import { definePart } from './part';

/** A message of the receipt-issuance queue: a paid dossier's receipts, or a refund's adjusting ones. */
export type ReceiptRequest = { readonly dossierNo: string; readonly paymentId?: string } | { readonly dossierNo: string; readonly refund: RefundForReceipts };

export interface ReceiptRequestsMembers {
  /** Queues receipt work; the consumer is idempotent per dossier (and per refund). */
  readonly receiptRequests: (request: ReceiptRequest) => Promise<void>;
}

export const receiptRequests = /* @__PURE__ */ definePart<ReceiptRequestsMembers>()('receiptRequests', [base, sqs], (c, { once }) => ({
  get receiptRequests() {
    return once('receiptRequests', () => async (request: ReceiptRequest) => {
      await c.sqsClient.send(new SendMessageCommand({ QueueUrl: c.queueUrl('receiptIssuance'), MessageBody: JSON.stringify(request) }));
    });
  },
}));

export interface ReceiptStoreMembers {
  readonly receiptStore: ReceiptStore;
}

export const receiptStore = /* @__PURE__ */ definePart<ReceiptStoreMembers>()('receiptStore', [dynamo], (c, { once, tableName }) => ({
  get receiptStore() {
    return once('receiptStore', () => new DynamoReceiptStore(c.documentClient, tableName()));
  },
}));

export interface ReceiptsMembers {
  readonly receiptProviders: ReceiptProviderRegistry;
  readonly receiptSettings: ReceiptSettings;
  readonly receiptProvider: Promise<ReceiptProvider>;
  readonly receiptDeps: Promise<ReceiptDeps>;
  /** First backoff of a failed issuance (RECEIPT_BACKOFF_BASE_SECONDS [30]), doubling per receive. */
  readonly receiptBackoffBaseSeconds: number;
}

export const receipts = /* @__PURE__ */ definePart<ReceiptsMembers>()('receipts', [base, receiptStore, dossierStore, catalogue, secrets], (c, { once, settings }) => ({
  get receiptProviders() {
    return once('receiptProviders', () => ReceiptProviders);
  },
  get receiptSettings() {
    return once('receiptSettings', () => loadReceiptSettings(settings.values));
  },
  get receiptProvider() {
    return once('receiptProvider', () => c.receiptProviders.active(settings.values).build(c.settingsSource));
  },
  get receiptDeps() {
    return once('receiptDeps', async () => ({
      receipts: c.receiptStore,
      dossiers: c.dossierStore,
      catalogue: c.catalogue,
      provider: await c.receiptProvider,
      settings: c.receiptSettings,
      clock: c.clock,
      // 128 random bits: the fkey is also the key of the receipt's PDF link, which must not be guessable.
      newKey: () => `TT${randomBytes(16).toString('hex').toUpperCase()}`,
    }));
  },
  get receiptBackoffBaseSeconds() {
    return once('receiptBackoffBaseSeconds', () => integerEnv('RECEIPT_BACKOFF_BASE_SECONDS', 30, 1, settings.values));
  },
}));
