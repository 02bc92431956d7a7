import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  lookupXml,
  parseSoapRequest,
  publishOk,
  soapReply,
  xmlUnescape,
} from '../../shared/modules/receipts/providers/vnpt/protocol';
import type { LocalRoute } from '../api-gateway';
import { renderReceiptPdf, type ReceiptPdfFields } from './receipt-pdf';

/**
 * A VNPT-style e-receipt provider for the local runtime, speaking the adapter's SOAP wire format
 * (shared/modules/receipts/providers/vnpt/protocol.ts): ImportAndPublishInv, AdjustInvoiceAction,
 * listInvByCusFkey, SendReceiptSummary; the fkey is its idempotency key (ERR:13 on a repeat). Each
 * receipt's PDF, with the legal fields, is served at /sandbox/receipts/pdf/{fkey}.
 */
export const RECEIPT_API_PREFIX = '/sandbox/receipts/api';
export const RECEIPT_PDF_PREFIX = '/sandbox/receipts/pdf';

export interface SandboxReceipt extends ReceiptPdfFields {
  readonly fkey: string;
  /** The original's fkey, on an adjusting receipt. */
  readonly adjustsKey?: string;
}

export interface ReceiptProviderOptions {
  /** Credentials it accepts; default `toantrinh` / `sandbox` for all four. */
  readonly account?: string;
  readonly acPassword?: string;
  readonly username?: string;
  readonly password?: string;
}

/** What tests read and switch. */
export interface ReceiptProviderState {
  receipts(): readonly SandboxReceipt[];
  summaries(): readonly { readonly reference: string; readonly xml: string }[];
  /** Publish calls received (duplicates included). */
  readonly publishCalls: number;
  /** The next `n` publish calls issue the receipt but never answer (the caller times out). */
  swallowReplies(n: number): void;
  /** While on, every call answers 503. */
  setOutage(on: boolean): void;
}

export interface ReceiptProviderSandbox {
  readonly routes: LocalRoute[];
  readonly state: ReceiptProviderState;
}

function field(xml: string, name: string): string {
  return xmlUnescape(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '');
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, type: string): void {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

export function receiptProviderSandbox(options: ReceiptProviderOptions = {}): ReceiptProviderSandbox {
  const credentials = { account: options.account ?? 'toantrinh', acPassword: options.acPassword ?? 'sandbox', username: options.username ?? 'toantrinh', password: options.password ?? 'sandbox' };
  const byKey = new Map<string, SandboxReceipt>();
  const summaries: { reference: string; xml: string }[] = [];
  let publishCalls = 0;
  let swallow = 0;
  let outage = false;

  function publish(params: Record<string, string>, adjustsKey?: string): string {
    publishCalls++;
    const xml = params.xmlInvData ?? '';
    const fkey = field(xml, 'key');
    const number = field(xml, 'InvNo');
    if (!fkey || !/^\d{1,8}$/.test(number) || !params.pattern || !params.serial) return 'ERR:03';
    if (byKey.has(fkey)) return 'ERR:13';
    if (adjustsKey !== undefined && !byKey.has(adjustsKey)) return 'ERR:03';
    const items = [...xml.matchAll(/<Product>([\s\S]*?)<\/Product>/g)].map((m) => ({ label: field(m[1]!, 'ProdName'), amount: Number(field(m[1]!, 'Amount')) }));
    const original = adjustsKey ? byKey.get(adjustsKey) : undefined;
    byKey.set(fkey, {
      fkey,
      ...(adjustsKey ? { adjustsKey } : {}),
      agencyName: field(xml, 'ComName'),
      agencyCode: field(xml, 'ComCode'),
      payerName: field(xml, 'CusName'),
      payerId: field(xml, 'CusCode'),
      kind: field(xml, 'KindOfService'),
      items,
      total: Number(field(xml, 'Total')),
      amountInWords: field(xml, 'AmountInWords'),
      template: params.pattern,
      series: params.serial,
      number: number.padStart(7, '0'),
      date: field(xml, 'ArisingDate'),
      ...(original ? { adjusts: `biên lai ${original.template} ${original.series} số ${original.number} ngày ${original.date}` } : {}),
    });
    return publishOk({ template: params.pattern, series: params.serial, fkey, number: Number(number) });
  }

  function answer(operation: string, params: Record<string, string>): string {
    const login = operation === 'listInvByCusFkey' ? params.userName === credentials.username && params.userPass === credentials.password
      : params.Account === credentials.account && params.ACpass === credentials.acPassword && params.username === credentials.username && (params.password ?? params.pass) === credentials.password;
    if (!login) return 'ERR:01';
    switch (operation) {
      case 'ImportAndPublishInv':
        return publish(params);
      case 'AdjustInvoiceAction':
        return publish(params, params.fkey ?? '');
      case 'listInvByCusFkey': {
        const r = byKey.get(params.key ?? '');
        return r ? lookupXml([{ fkey: r.fkey, pattern: r.template, serial: r.series, invNum: String(Number(r.number)) }]) : 'ERR:6';
      }
      case 'SendReceiptSummary': {
        const reference = `TH-${randomUUID()}`;
        summaries.push({ reference, xml: params.xmlSummary ?? '' });
        return `OK:${reference}`;
      }
      default:
        return 'ERR:03';
    }
  }

  const api: LocalRoute = {
    method: 'POST',
    path: `${RECEIPT_API_PREFIX}/{service}`,
    async handle(_request: IncomingMessage, response: ServerResponse, body: Buffer) {
      if (outage) return send(response, 503, 'Service Unavailable', 'text/plain');
      const request = parseSoapRequest(body.toString('utf8'));
      if (!request) return send(response, 400, 'Bad SOAP request', 'text/plain');
      const result = answer(request.operation, request.params);
      if (swallow > 0 && request.operation !== 'listInvByCusFkey' && result.startsWith('OK:')) {
        // Issued, but the answer is lost: the connection drops before any reply.
        swallow--;
        response.destroy();
        return;
      }
      send(response, 200, soapReply(request.operation, result), 'text/xml; charset=utf-8');
    },
  };

  const pdf: LocalRoute = {
    method: 'GET',
    path: `${RECEIPT_PDF_PREFIX}/{fkey}`,
    async handle(_request, response, _body, params) {
      const receipt = byKey.get(decodeURIComponent(params.fkey ?? ''));
      if (!receipt) return send(response, 404, 'No such receipt', 'text/plain');
      send(response, 200, await renderReceiptPdf(receipt), 'application/pdf');
    },
  };

  return {
    routes: [api, pdf],
    state: {
      receipts: () => [...byKey.values()],
      summaries: () => [...summaries],
      get publishCalls() {
        return publishCalls;
      },
      swallowReplies: (n) => void (swallow = n),
      setOutage: (on) => void (outage = on),
    },
  };
}
