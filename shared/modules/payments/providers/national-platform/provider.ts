import { InvalidInputError } from '../../../../platform/kernel/errors';
import { ProviderUnavailableError } from '../../domain/errors';
import type { Payment } from '../../domain/payment';
import { paymentIdReference } from '../../domain/reference';
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

/**
 * How long the citizen waits for INIT: well inside the create-payment function's 10 s, so that a
 * platform that hangs is answered 502 PROVIDER_UNAVAILABLE (and the Idempotency-Key given back)
 * rather than by a Lambda timeout. QUERY, run by the expiry job (60 s), may wait longer.
 */
export const INIT_TIMEOUT_MS = 6_000;
const QUERY_TIMEOUT_MS = 10_000;

/** The platform's answer, or why there is none (for the log: a timeout, a refused connection, an HTTP status, a body not its JSON). */
type Exchange = { readonly answer: WireFields } | { readonly problem: string };

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

  /** `MaThamChieu`: our payment id without `pay_`, letters and digits only (paymentIdReference). */
  newReference(paymentId: string): string {
    return paymentIdReference.of(paymentId);
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
    // Nothing is kept when INIT fails (the payment is written after it): a 502 the citizen may retry.
    const exchange = await this.post(body, INIT_TIMEOUT_MS);
    if ('problem' in exchange) throw new ProviderUnavailableError(this.name, `INIT of ${payment.paymentId}: ${exchange.problem}`);
    const { answer } = exchange;
    if (answer.MaLoi !== undefined && answer.MaLoi !== SUCCESS_CODE) throw new ProviderUnavailableError(this.name, `INIT of ${payment.paymentId} refused (MaLoi ${String(answer.MaLoi)})`);
    const redirectUrl = this.paymentPage(answer.UrlThanhToan);
    if (!redirectUrl) throw new ProviderUnavailableError(this.name, `the INIT answer of ${payment.paymentId} has no usable UrlThanhToan`);
    return { redirectUrl };
  }

  async query(payment: Payment): Promise<ProviderStatus> {
    const exchange = await this.post(queryRequest({ partnerCode: this.settings.partnerCode, secret: this.settings.secret, reference: payment.providerRef, transactionAt: new Date(payment.createdAt) }), QUERY_TIMEOUT_MS);
    const answer = 'answer' in exchange ? exchange.answer : undefined;
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

  private async post(body: WireFields, timeoutMs: number): Promise<Exchange> {
    // A timeout, a broken connection or a body that is not its JSON says nothing about the payment.
    try {
      const response = await this.fetchImpl(this.settings.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { problem: `HTTP ${response.status}` };
      const answer = unwrapAnswer(await response.json());
      return answer ? { answer } : { problem: 'a refusal in its envelope, or an answer that is not its JSON' };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      if (name === 'TimeoutError' || name === 'AbortError') return { problem: `no answer within ${timeoutMs} ms` };
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      return { problem: `unreachable (${typeof code === 'string' ? code : name})` };
    }
  }
}
