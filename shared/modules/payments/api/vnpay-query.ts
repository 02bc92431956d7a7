import * as z from '../../../platform/api/zod';

const field = (description: string, example: string) => z.optional(z.string().check(z.maxLength(2048))).register(z.globalRegistry, { description, example });

/**
 * The query string of VNPay's IPN and browser return (PAY 2.1.0), as the gateway signs it. Every field
 * is optional here on purpose: a missing or altered one fails the checksum, which the IPN answers with
 * `{"RspCode":"97"}` (its protocol) rather than a 400; fields VNPay adds later pass through and are
 * covered by the checksum too. The handlers read the raw query string.
 */
export const VnpayCallbackQuerySchema = z.catchall(z.object({
    vnp_TmnCode: field('our merchant code at VNPay', 'TOANTR01'),
    vnp_Amount: field('amount × 100, in VND', '1000000'),
    vnp_BankCode: field('the bank or wallet used', 'NCB'),
    vnp_BankTranNo: field('the bank\u2019s transaction number', 'VNP14626195'),
    vnp_CardType: field('ATM, QRCODE, CREDIT…', 'ATM'),
    vnp_OrderInfo: field('what the payment was for (ASCII)', 'Thanh toan phi ho so H31.26-261121-0001'),
    vnp_PayDate: field('when it was paid, yyyyMMddHHmmss in Viet Nam time', '20261121091502'),
    vnp_ResponseCode: field('00: success; anything else: the failure (24: cancelled by the customer…)', '00'),
    vnp_TransactionNo: field('VNPay\u2019s transaction number', '14626195'),
    vnp_TransactionStatus: field('00: success', '00'),
    vnp_TxnRef: field('our reference of the payment (its id without pay_)', 'Z24KLH4E9CTJ9FSWEDZH6E4N'),
    vnp_SecureHashType: field('HmacSHA512 (optional, not part of the checksum)', 'HmacSHA512'),
    vnp_SecureHash: field(
      'hex HMAC-SHA512, with the merchant hash secret, of every other vnp_* parameter sorted by name and URL-encoded as key=value&…; wrong: IPN 97, return 400',
      '447232a6992c92f27245b2f4d2121f8a227b4c5344f990f431903e6b5c0932537afc7dd35539401852134ee30b886cbc7b9d416c0c78b69a77ab9e4889b20516',
    ),
  }), z.string().check(z.maxLength(2048)))
  .register(z.globalRegistry, { id: 'VnpayCallbackQuery' });

/** A real signed query of the sandbox gateway (its example secret), as both callbacks receive it. */
export const vnpayCallbackQueryExample = {
  vnp_Amount: '1000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14626195',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan phi ho so H31.26-261121-0001',
  vnp_PayDate: '20261121091502',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'TOANTR01',
  vnp_TransactionNo: '14626195',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: 'Z24KLH4E9CTJ9FSWEDZH6E4N',
  vnp_SecureHash: '447232a6992c92f27245b2f4d2121f8a227b4c5344f990f431903e6b5c0932537afc7dd35539401852134ee30b886cbc7b9d416c0c78b69a77ab9e4889b20516',
};
