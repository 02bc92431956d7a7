import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoPaymentStore } from '../../../../../../../shared/modules/payments/dynamodb';
import { answerIpn } from '../../../../../../../shared/modules/payments/providers/vnpay/callback';
import { IpnReply, signParams, toVnpAmount } from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { pendingPayment } from '../../../../../../fakes/payment-store';
import { testVnpaySettings } from '../../../../../../support/vnpay-ipn';

const NOW = new Date('2026-11-21T00:10:00Z');
const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

describe('Function: answerIpn (what a replay reads and writes)', () => {
  it('answers a replayed success with one read of the payment its vnp_TxnRef names and one ledger append', async () => {
    // Prepare: a payment already paid by this very transaction
    const paid = pendingPayment(1, { status: 'succeeded', providerTransactionId: '14012345', version: 2 });
    ddb.on(GetCommand, { Key: { pk: `PAYMENT#${paid.paymentId}`, sk: 'PAYMENT' } }).resolves({ Item: { pk: `PAYMENT#${paid.paymentId}`, sk: 'PAYMENT', ...paid } });
    ddb.on(PutCommand).resolves({});
    const deps = { payments: new DynamoPaymentStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main'), clock: { now: () => NOW } };
    const params = signParams(
      { vnp_TmnCode: testVnpaySettings.tmnCode, vnp_TxnRef: paid.providerRef, vnp_Amount: toVnpAmount(paid.amount), vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '14012345', vnp_PayDate: '20261121070500' },
      testVnpaySettings.hashSecret,
    );
    // Act
    const reply = await answerIpn(deps, async () => testVnpaySettings, params);
    // Assess
    expect(reply).toEqual(IpnReply.ALREADY_CONFIRMED);
    expect(ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key)).toEqual([{ pk: `PAYMENT#${paid.paymentId}`, sk: 'PAYMENT' }]);
    expect(ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item)).toEqual([expect.objectContaining({ pk: `PAYMENT#${paid.paymentId}`, outcome: 'already_confirmed' })]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
