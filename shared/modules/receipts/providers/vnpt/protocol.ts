/**
 * The VNPT e-invoice/e-receipt wire format (SOAP 1.1, namespace http://tempuri.org/), the one file
 * that knows it. Sources: VNPT client code in public repositories [C], integrations.md §4.
 * - ImportAndPublishInv(Account, ACpass, xmlInvData, username, password, pattern, serial, convert)
 *   on PublishService.asmx; reply `OK:<pattern>;<serial>-<key>_<number>` or `ERR:<code>` [C].
 * - `<Invoices><Inv><key>…</key><Invoice>…<Products>…` with our fkey as `key` [C].
 * - ERR:13 = the fkey was already used [C].
 * **(unverified)**, to confirm with VNPT before production:
 * - that a caller-assigned number is accepted (`<InvNo>`): the law has us number per series and
 *   year; a reply with another number is treated as a refusal (`NUMBER_MISMATCH`) and alarmed;
 * - AdjustInvoiceAction(Account, ACpass, xmlInvData, username, pass, fkey, AttachFile, convert,
 *   pattern, serial) on BusinessService.asmx for adjusting receipts;
 * - listInvByCusFkey(key, fromDate, toDate, userName, userPass) on PortalService.asmx, answering
 *   `<Data><Item><fkey/><pattern/><serial/><invNum/>…</Item></Data>`, for the lookup by key;
 * - SendReceiptSummary(Account, ACpass, username, password, xmlSummary) on PublishService.asmx for
 *   the 01/TH-BLĐT summary: name and shape are ours; VNPT's real channel is to be confirmed;
 * - the PDF link: a portal URL with the fkey (RECEIPT_PDF_URL_TEMPLATE).
 */
import type { DailySummary } from '../../domain/summary';
import type { Receipt } from '../../domain/receipt';

export const SOAP_NAMESPACE = 'http://tempuri.org/';

export const VnptServices = { publish: 'PublishService.asmx', business: 'BusinessService.asmx', portal: 'PortalService.asmx' } as const;

export function xmlEscape(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function xmlUnescape(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** `2027-01-04` → `04/01/2027`, the ArisingDate form VNPT's clients send. */
export function vnptDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

function tags(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
}

/** The receipt as `xmlInvData`. Amounts are whole đồng; an adjustment's are negative. */
export function invoiceXml(r: Receipt): string {
  const products = r.lines.map((l) => `<Product>${tags({ ProdName: l.label, ProdUnit: 'Lần', ProdQuantity: 1, ProdPrice: l.amount, Amount: l.amount })}</Product>`).join('');
  const invoice = tags({
    // (unverified) VNPT takes the seller from the tenant; the collecting agency is sent as well so
    // that one tenant serving several agencies still prints the right one.
    ComCode: r.agencyCode,
    ComName: r.agencyName,
    CusCode: r.payer.idNumber,
    CusName: r.payer.name,
    CusAddress: '',
    CusTaxCode: '',
    PaymentMethod: 'CK',
    ArisingDate: vnptDate(r.receiptDate),
    InvNo: r.number,
    KindOfService: r.kind === 'fee' ? 'Phí' : r.kind === 'charge' ? 'Lệ phí' : 'Phí, lệ phí',
    Total: r.amount,
    Amount: r.amount,
    AmountInWords: r.amountInWords,
  });
  return `<Invoices><Inv><key>${xmlEscape(r.fkey)}</key><Invoice>${invoice}<Products>${products}</Products></Invoice></Inv></Invoices>`;
}

/** A SOAP 1.1 envelope for `operation` with its parameters in order. */
export function soapEnvelope(operation: string, params: Record<string, string | number>): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    `<${operation} xmlns="${SOAP_NAMESPACE}">${tags(params)}</${operation}>` +
    '</soap:Body></soap:Envelope>'
  );
}

/** The text of `<{operation}Result>` in a SOAP reply, unescaped; undefined when absent. */
export function soapResult(body: string, operation: string): string | undefined {
  const m = new RegExp(`<${operation}Result>([\\s\\S]*?)</${operation}Result>`).exec(body);
  if (m) return xmlUnescape(m[1]!);
  return new RegExp(`<${operation}Result\\s*/>`).test(body) ? '' : undefined;
}

/** A request's SOAP operation and parameters, read back (the sandbox serves with it). */
export function parseSoapRequest(body: string): { operation: string; params: Record<string, string> } | undefined {
  const m = /<soap:Body>\s*<(\w+)[^>]*>([\s\S]*)<\/\1>\s*<\/soap:Body>/.exec(body);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/<(\w+)>([\s\S]*?)<\/\1>|<(\w+)\s*\/>/g)) {
    if (p[1]) params[p[1]] = xmlUnescape(p[2]!);
    else if (p[3]) params[p[3]] = '';
  }
  return { operation: m[1]!, params };
}

export function soapReply(operation: string, result: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    `<${operation}Response xmlns="${SOAP_NAMESPACE}"><${operation}Result>${xmlEscape(result)}</${operation}Result></${operation}Response>` +
    '</soap:Body></soap:Envelope>'
  );
}

export type PublishReply = { readonly ok: true; readonly pattern: string; readonly serial: string; readonly key: string; readonly number: string } | { readonly ok: false; readonly code: string };

/**
 * `OK:01BLP0-001;AA-27E-<key>_12` or `ERR:13`. Only the first invoice of a batch is read (we send one).
 * The serial itself holds a `-`, so the key is what follows the last one: our fkeys are letters and
 * digits only (shared/app/container/receipts.ts).
 */
export function parsePublishReply(text: string): PublishReply {
  const err = /^ERR:(\d+)/.exec(text.trim());
  if (err) return { ok: false, code: `ERR:${err[1]}` };
  const ok = /^OK:([^;]+);(.+)-([^-_,]+)_(\d+)/.exec(text.trim());
  if (!ok) return { ok: false, code: 'UNREADABLE' };
  return { ok: true, pattern: ok[1]!, serial: ok[2]!, key: ok[3]!, number: ok[4]! };
}

export function publishOk(r: Pick<Receipt, 'template' | 'series' | 'fkey' | 'number'>): string {
  return `OK:${r.template};${r.series}-${r.fkey}_${r.number}`;
}

/** The items of a listInvByCusFkey answer (unverified shape, see above). */
export function parseLookup(text: string): { fkey: string; pattern: string; serial: string; invNum: string }[] {
  return [...text.matchAll(/<Item>([\s\S]*?)<\/Item>/g)].map((m) => {
    const field = (name: string) => xmlUnescape(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(m[1]!)?.[1] ?? '');
    return { fkey: field('fkey'), pattern: field('pattern'), serial: field('serial'), invNum: field('invNum') };
  });
}

export function lookupXml(items: readonly { fkey: string; pattern: string; serial: string; invNum: string }[]): string {
  return `<Data>${items.map((i) => `<Item>${tags(i)}</Item>`).join('')}</Data>`;
}

/** The 01/TH-BLĐT summary as `xmlSummary` (our shape; unverified). */
export function summaryXml(s: DailySummary): string {
  const rows = s.rows.map((r) => `<Row>${tags({ Pattern: r.template, Serial: r.series, No: r.receiptNo, Date: vnptDate(r.receiptDate), Payer: r.payerName, Kind: r.kind, Amount: r.amount, State: r.state })}</Row>`).join('');
  return `<Summary>${tags({ Form: '01/TH-BLĐT', Agency: s.agencyCode, Date: vnptDate(s.date), Count: s.issuedCount, Total: s.total })}<Rows>${rows}</Rows></Summary>`;
}

/**
 * VNPT's error codes (integrations.md §4). Only a refusal of the receipt's own data fails it (its
 * number kept with the failed state); account, package and configuration faults are retried, and
 * reach the DLQ and its alarm if an operator does not fix them.
 */
export const VNPT_ERRORS: Readonly<Record<string, { readonly meaning: string; readonly refusesReceipt: boolean }>> = {
  'ERR:01': { meaning: 'login failed', refusesReceipt: false },
  'ERR:03': { meaning: 'bad XML', refusesReceipt: true },
  'ERR:05': { meaning: 'not published', refusesReceipt: false },
  'ERR:06': { meaning: 'out of numbers', refusesReceipt: false },
  'ERR:07': { meaning: 'user or company mismatch', refusesReceipt: false },
  'ERR:10': { meaning: 'batch too big', refusesReceipt: true },
  'ERR:13': { meaning: 'duplicate fkey', refusesReceipt: false },
  'ERR:20': { meaning: 'pattern or serial mismatch (or package used up, password changed)', refusesReceipt: false },
};
