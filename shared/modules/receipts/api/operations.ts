import { defineOperation } from '../../../platform/api/operation';
import { DossierPathSchema } from '../../dossiers';
import { ReceiptListSchema } from './receipt';
import { listReceiptsExamples } from './examples';

export const listReceiptsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listReceipts',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}/receipts',
  summary: 'The e-receipts (biên lai điện tử) issued for a dossier, adjusting receipts included',
  description:
    'Receipts are issued asynchronously after the fees are paid: one for phí (kind fee) and one for lệ phí (kind charge) unless the agency ' +
    'issues one combined receipt; postage gets none. A refund adds an adjusting receipt; nothing is ever removed. Receipts still being issued are not listed.',
  tags: ['receipts'],
  auth: 'citizen_or_agency',
  request: { params: DossierPathSchema },
  responses: { 200: { description: 'Issued receipts, oldest first', schema: ReceiptListSchema } },
  errors: ['NOT_FOUND'],
  examples: listReceiptsExamples,
});
