import { InvalidInputError } from '../../../../platform/kernel/errors';
import type { Payment } from '../../domain/payment';
import type { PendingQuerySchedule } from '../../domain/query-schedule';
import type { PaymentProvider, ProviderStatus, StartContext } from '../../ports';
import {
  amountOf,
  fromPlatformTime,
  initRequest,
  INIT_CONSTANTS,
  PLATFORM_MAX_AMOUNT,
  queryRequest,
  SUCCESS_CODE,
  TransactionState,
  unwrapAnswer,
  verifyMaXacThuc,
  type WireFields,
} from './protocol';
import { receiptInfo } from './receipt-info';
import type { NationalPlatformSettings } from './settings';

const HOUR = 3_600_000;

/**
 * How a payment the platform calls pending (`TrangThaiGD` 3) or cannot answer for is asked again:
 * from its expiry, after 1 minute, then each wait as long as all the waiting so far (doubling), at
 * most 4 hours apart, for 72 hours from its creation (integrations.md: "re-query 3 with backoff until
 * final, for example up to 72 h, then escalate"). TD-DVC asks once and never again.
 */
export const PENDING_QUERY_SCHEDULE: PendingQuerySchedule = { firstDelayMs: 60_000, maxDelayMs: 4 * HOUR, giveUpAfterMs: 72 * HOUR };

/** The platform did not start the payment (unreachable, refused, or no usable payment page). */
export class PlatformInitFailed extends Error {
  override readonly name = 'PlatformInitFailed';
}

const TRANSACTION_STATES: ReadonlyMap<string, ProviderStatus['outcome']> = new Map([
  [TransactionState.SUCCEEDED, 'succeeded'],
  [TransactionState.PENDING, 'pending'],
  [TransactionState.FAILED, 'failed'],
]);

/**
 * The national payment platform: INIT with the receipt information, the citizen redirected to the
 * returned `UrlThanhToan`; the platform's Confirm (callback.ts) settles, QUERY reconciles. Not an
 * official specification: see protocol.ts.
 */
export class NationalPlatformProvider implements PaymentProvider {
  readonly name = 'national_platform' as const;
  readonly maxAmount = PLATFORM_MAX_AMOUNT;
  readonly pendingQuery = PENDING_QUERY_SCHEDULE;

  constructor(
    private readonly settings: NationalPlatformSettings,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** `MaThamChieu`: our payment id without `pay_`, letters and digits only. */
  newReference(paymentId: string): string {
    return paymentId.slice(4);
  }

  async start(payment: Payment, context: StartContext): Promise<Pick<Payment, 'redirectUrl'>> {
    const [dossier, ...more] = context.dossiers;
    // ThongTinBienLai names one dossier (MaHoSo) and its fee lines: a payment of several cannot be described.
    if (!dossier || more.length > 0) {
      const reason = 'the national payment platform pays one dossier per payment; pay these one by one or choose another provider';
      throw new InvalidInputError(`national_platform: ${reason}`, { details: [{ path: 'provider', message: reason }] });
    }
    const back = new URL(payment.returnUrl);
    back.searchParams.set('paymentId', payment.paymentId);
    const body = initRequest({
      partnerCode: this.settings.partnerCode,
      secret: this.settings.secret,
      reference: payment.providerRef,
      amount: payment.amount,
      description: context.orderInfo,
      createdAt: new Date(payment.createdAt),
      ip: context.ipAddr,
      receipt: receiptInfo(dossier, payment.amount, this.settings.beneficiary),
      returnUrl: back.toString(),
    });
    const answer = await this.post(body);
    if (!answer) throw new PlatformInitFailed(`the platform gave no usable answer to INIT of ${payment.paymentId}`);
    if (answer.MaLoi !== undefined && answer.MaLoi !== SUCCESS_CODE) throw new PlatformInitFailed(`the platform refused INIT of ${payment.paymentId} (MaLoi ${String(answer.MaLoi)})`);
    const redirectUrl = this.paymentPage(answer.UrlThanhToan);
    if (!redirectUrl) throw new PlatformInitFailed(`the platform's INIT answer of ${payment.paymentId} has no usable UrlThanhToan`);
    return { redirectUrl };
  }

  async query(payment: Payment): Promise<ProviderStatus> {
    const answer = await this.post(queryRequest({ partnerCode: this.settings.partnerCode, secret: this.settings.secret, reference: payment.providerRef, transactionAt: new Date(payment.createdAt) }));
    // Only a signed answer about this very transaction counts; anything else is asked again later.
    if (!answer || !verifyMaXacThuc(answer, 'queryReply', this.settings.secret)) return { outcome: 'unknown' };
    if (answer.MaThamChieu !== payment.providerRef || answer.MaDoiTac !== this.settings.partnerCode || answer.MaLoi !== SUCCESS_CODE) return { outcome: 'unknown', received: answer };
    const outcome = TRANSACTION_STATES.get(String(answer.TrangThaiGD ?? '')) ?? 'unknown';
    if (outcome !== 'succeeded') return { outcome, received: answer };
    // Money in another currency is no amount we asked for: settlement flags it as a mismatch.
    const amount = answer.MaTienTe === undefined || answer.MaTienTe === INIT_CONSTANTS.MaTienTe ? amountOf(answer.SoTien) : undefined;
    const paidAt = fromPlatformTime(answer.ThoiGianGD)?.toISOString();
    return {
      outcome,
      ...(amount !== undefined ? { amount } : {}),
      ...(typeof answer.MaGiaoDich === 'string' && answer.MaGiaoDich !== '' ? { transactionId: answer.MaGiaoDich } : {}),
      ...(paidAt ? { paidAt } : {}),
      received: answer,
    };
  }

  /** https only, except against a local http sandbox (the API URL itself is http then). */
  private paymentPage(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    try {
      const url = new URL(value);
      const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && new URL(this.settings.apiUrl).protocol === 'http:');
      return allowed ? url.toString() : undefined;
    } catch {
      return undefined;
    }
  }

  private async post(body: WireFields): Promise<WireFields | undefined> {
    try {
      const response = await this.fetchImpl(this.settings.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return undefined;
      return unwrapAnswer(await response.json());
    } catch {
      // A timeout, a broken connection or a body that is not JSON says nothing about the payment.
      return undefined;
    }
  }
}
