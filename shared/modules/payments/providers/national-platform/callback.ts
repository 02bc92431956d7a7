import { logger } from '../../../../platform/observability/logger';
import { settlePayment, type ProviderReport, type SettleDeps, type SettleResult } from '../../use-cases/settle-payment';
import { paymentIdReference } from '../../domain/reference';
import type { PlatformConfirm } from './api';
import { amountOf, ConfirmReply, confirmReply, fromPlatformTime, INIT_CONSTANTS, SUCCESS_CODE, verifyMaXacThuc, type ConfirmReplyBody, type ConfirmReplyCode } from './protocol';
import type { NationalPlatformSettings } from './settings';

const REPLY: Record<SettleResult, ConfirmReplyCode> = {
  not_found: ConfirmReply.NOT_FOUND,
  amount_mismatch: ConfirmReply.INVALID_AMOUNT,
  already_confirmed: ConfirmReply.ALREADY_CONFIRMED,
  applied: ConfirmReply.ACCEPTED,
  recorded_failure: ConfirmReply.ACCEPTED,
  late_success: ConfirmReply.ACCEPTED,
};


const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A verified Confirm as settlement reads it: VND, UTC, `MaLoi` 00 is money taken, anything else a failed attempt. */
function reportOf(confirm: PlatformConfirm): ProviderReport {
  const paidAt = fromPlatformTime(confirm.ThoiGianGD)?.toISOString();
  // Money in another currency is no amount we asked for: settlement flags it as a mismatch.
  const amount = confirm.MaTienTe === undefined || confirm.MaTienTe === INIT_CONSTANTS.MaTienTe ? amountOf(confirm.SoTien) : undefined;
  const ref = text(confirm.MaThamChieu);
  const paymentId = paymentIdReference.paymentIdOf(ref);
  return {
    provider: 'national_platform',
    ref,
    ...(paymentId ? { paymentId } : {}),
    amount,
    outcome: confirm.MaLoi === SUCCESS_CODE ? 'succeeded' : 'failed',
    ...(confirm.MaGiaoDich ? { transactionId: confirm.MaGiaoDich } : {}),
    ...(paidAt ? { paidAt } : {}),
    kind: 'callback',
    received: confirm,
  };
}

/** Our reply, signed by us; without our settings (the secret could not be read) it cannot be signed, and says 99. */
export function replyTo(confirm: PlatformConfirm, code: ConfirmReplyCode, platform: NationalPlatformSettings | undefined): ConfirmReplyBody {
  const fields = { reference: text(confirm.MaThamChieu), transactionTime: text(confirm.ThoiGianGD) };
  if (!platform) return { ...ConfirmReply.OTHER_ERROR, MaDoiTac: '', MaThamChieu: fields.reference, ThoiGianGD: fields.transactionTime, MaXacThuc: '' };
  return confirmReply(code, { partnerCode: platform.partnerCode, ...fields }, platform.secret);
}

/**
 * The platform's Confirm, in the order the VNPay IPN runs its checks (payments.md): `MaXacThuc` in
 * constant time over the fields as received and our partner code (97), then settlement's own
 * checks: the reference (01), the amount (04), still pending (02), one durable write (00). A failure
 * is recorded and answered 00 too. Replays change nothing: the state moves once and the platform's
 * transaction (`MaGiaoDich`) is a unique key. Anything unexpected is 99, so the platform asks again.
 */
export async function answerConfirm(deps: SettleDeps, settings: () => Promise<NationalPlatformSettings>, confirm: PlatformConfirm): Promise<ConfirmReplyBody> {
  let platform: NationalPlatformSettings | undefined;
  let code: ConfirmReplyCode = ConfirmReply.OTHER_ERROR;
  try {
    platform = await settings();
    if (!verifyMaXacThuc(confirm, 'confirm', platform.secret) || confirm.MaDoiTac !== platform.partnerCode) {
      code = ConfirmReply.INVALID_CHECKSUM;
    } else {
      // Money taken at a wrong amount, or by a second transaction, is raised for finance by
      // settlement itself; if that fails this answers 99, the platform asks again, and it is raised then.
      code = REPLY[await settlePayment(deps, reportOf(confirm))];
    }
  } catch (error) {
    logger.error('national platform confirm failed', { error });
    code = ConfirmReply.OTHER_ERROR;
  }
  logger.info('national platform confirm', { reference: text(confirm.MaThamChieu), maLoi: code.MaLoi });
  return replyTo(confirm, code, platform);
}
