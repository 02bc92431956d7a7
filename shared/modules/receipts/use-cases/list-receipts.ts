import type { Principal } from '../../../platform/http/principal';
import type { DossierStore } from '../../dossiers';
import { visibleDossier } from '../../dossiers';
import type { Receipt, ReceiptKind, ReceiptPurpose } from '../domain/receipt';
import type { ReceiptStore } from '../ports';

export interface ReceiptView {
  receiptNo: string;
  template: string;
  series: string;
  kind: ReceiptKind;
  purpose: ReceiptPurpose;
  amount: number;
  receiptDate: string;
  issuedAt: string;
  pdfUrl: string;
  adjusts?: { receiptNo: string; template: string; series: string; receiptDate: string };
}

function toView(r: Receipt & { issuedAt: string; pdfUrl: string }): ReceiptView {
  return {
    receiptNo: r.receiptNo,
    template: r.template,
    series: r.series,
    kind: r.kind,
    purpose: r.purpose,
    amount: r.amount,
    receiptDate: r.receiptDate,
    issuedAt: r.issuedAt,
    pdfUrl: r.pdfUrl,
    ...(r.adjusts ? { adjusts: { receiptNo: r.adjusts.receiptNo, template: r.adjusts.template, series: r.adjusts.series, receiptDate: r.adjusts.receiptDate } } : {}),
  };
}

/** The applicant's or the handling agency's view of a dossier's issued receipts; 404 to anyone else. */
export async function listReceipts(deps: { readonly dossiers: DossierStore; readonly receipts: Pick<ReceiptStore, 'ofDossier'> }, principal: Principal, dossierNo: string): Promise<{ items: ReceiptView[] }> {
  await visibleDossier(deps.dossiers, principal, dossierNo);
  const issued = (await deps.receipts.ofDossier(dossierNo)).filter((r): r is Receipt & { issuedAt: string; pdfUrl: string } => r.status === 'issued' && !!r.issuedAt && !!r.pdfUrl);
  issued.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.number - b.number);
  return { items: issued.map(toView) };
}
