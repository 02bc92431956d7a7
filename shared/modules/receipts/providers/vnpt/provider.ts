import type { DailySummary } from '../../domain/summary';
import type { Receipt } from '../../domain/receipt';
import { ReceiptProviderUnavailableError, type IssueReply, type ProviderReceipt, type ReceiptProvider } from '../../ports';
import { invoiceXml, parseLookup, parsePublishReply, soapEnvelope, soapResult, summaryXml, vnptDate, VNPT_ERRORS, VnptServices } from './protocol';
import type { VnptSettings } from './settings';

type Fetch = typeof fetch;

/**
 * The VNPT adapter: one SOAP call per receipt, our fkey as VNPT's idempotency key. The fkey is
 * saved (with the receipt's number, when it is reserved) before any call, so a timeout is answered
 * by a lookup and an ERR:13 by fetching what VNPT already has: a receipt is never issued twice.
 */
export class VnptReceiptProvider implements ReceiptProvider {
  readonly name = 'vnpt';

  constructor(
    private readonly settings: VnptSettings,
    private readonly fetchFn: Fetch = fetch,
  ) {}

  async issue(r: Receipt): Promise<IssueReply> {
    const auth = { Account: this.settings.account, ACpass: this.settings.acPassword };
    const text = r.adjusts
      ? await this.call(VnptServices.business, 'AdjustInvoiceAction', {
          ...auth,
          xmlInvData: invoiceXml(r),
          username: this.settings.username,
          pass: this.settings.password,
          fkey: r.adjusts.fkey,
          AttachFile: '',
          convert: 0,
          pattern: r.template,
          serial: r.series,
        })
      : await this.call(VnptServices.publish, 'ImportAndPublishInv', {
          ...auth,
          xmlInvData: invoiceXml(r),
          username: this.settings.username,
          password: this.settings.password,
          pattern: r.template,
          serial: r.series,
          convert: 0,
        });
    const reply = parsePublishReply(text);
    if (!reply.ok) {
      if (reply.code === 'ERR:13') return { outcome: 'duplicate' };
      const known = VNPT_ERRORS[reply.code];
      if (known?.refusesReceipt) return { outcome: 'refused', code: reply.code, message: known.meaning };
      // Account, package or configuration: not this receipt's fault; retried, then the DLQ's alarm.
      throw new ReceiptProviderUnavailableError(`VNPT answered ${reply.code}${known ? ` (${known.meaning})` : ''}`, false);
    }
    if (reply.key !== r.fkey) throw new ReceiptProviderUnavailableError('VNPT answered for another fkey', true);
    if (Number(reply.number) !== r.number) return { outcome: 'refused', code: 'NUMBER_MISMATCH', message: `VNPT numbered it ${reply.number}, ours is ${r.number}` };
    return { outcome: 'issued', receipt: this.receiptOf(r, reply.number) };
  }

  async findByKey(r: Receipt): Promise<ProviderReceipt | undefined> {
    const text = await this.call(VnptServices.portal, 'listInvByCusFkey', {
      key: r.fkey,
      fromDate: vnptDate(r.receiptDate),
      toDate: vnptDate(r.receiptDate),
      userName: this.settings.username,
      userPass: this.settings.password,
    });
    if (/^ERR:/.test(text.trim())) return undefined;
    const found = parseLookup(text).find((i) => i.fkey === r.fkey);
    return found ? this.receiptOf(r, found.invNum) : undefined;
  }

  async sendSummary(summary: DailySummary): Promise<string> {
    const text = await this.call(VnptServices.publish, 'SendReceiptSummary', {
      Account: this.settings.account,
      ACpass: this.settings.acPassword,
      username: this.settings.username,
      password: this.settings.password,
      xmlSummary: summaryXml(summary),
    });
    const ok = /^OK:(.+)$/.exec(text.trim());
    if (!ok) throw new ReceiptProviderUnavailableError(`VNPT refused the summary: ${text.slice(0, 40)}`, false);
    return ok[1]!;
  }

  private receiptOf(r: Receipt, number: string): ProviderReceipt {
    return { pdfUrl: this.settings.pdfUrlTemplate.replace(/\{fkey\}|%7Bfkey%7D/, encodeURIComponent(r.fkey)), providerNo: number };
  }

  private async call(service: string, operation: string, params: Record<string, string | number>): Promise<string> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.settings.apiUrl}/${service}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"http://tempuri.org/${operation}"` },
        body: soapEnvelope(operation, params),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      // A timeout may come after VNPT received the call: the caller looks the fkey up before retrying.
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      throw new ReceiptProviderUnavailableError(`VNPT ${operation} ${timedOut ? 'timed out' : 'unreachable'}`, true, { cause: error });
    }
    const body = await response.text();
    if (!response.ok) throw new ReceiptProviderUnavailableError(`VNPT ${operation} answered HTTP ${response.status}`, response.status >= 500);
    const result = soapResult(body, operation);
    if (result === undefined) throw new ReceiptProviderUnavailableError(`VNPT ${operation} answered without a result`, true);
    return result;
  }
}
