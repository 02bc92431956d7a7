import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** What a fee receipt must show (Decree 254/2026 Art. 23(2)), as the sandbox provider received it. */
export interface ReceiptPdfFields {
  readonly agencyName: string;
  readonly agencyCode: string;
  readonly payerName: string;
  readonly payerId: string;
  readonly kind: string;
  readonly items: readonly { readonly label: string; readonly amount: number }[];
  readonly total: number;
  readonly amountInWords: string;
  readonly template: string;
  readonly series: string;
  readonly number: string;
  /** dd/MM/yyyy, as VNPT's ArisingDate. */
  readonly date: string;
  /** Set on an adjusting receipt: what it adjusts. */
  readonly adjusts?: string;
}

const require = createRequire(import.meta.url);
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans covers every Vietnamese letter with its diacritics (the standard 14 PDF fonts do not). */
function fonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontBytes;
}

/** 1234567 → "1.234.567", the Vietnamese grouping. */
function vnd(amount: number): string {
  return `${amount < 0 ? '-' : ''}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The receipt as a one-page A5 PDF with the legal fields, text extractable (pdftotext reads it back). */
export async function renderReceiptPdf(f: ReceiptPdfFields): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Subset: ~20 KB a receipt instead of ~800 KB; the ToUnicode map keeps the text extractable.
  const regular = await doc.embedFont(fonts().regular, { subset: true });
  const bold = await doc.embedFont(fonts().bold, { subset: true });
  doc.setTitle(`Biên lai ${f.template} ${f.series} số ${f.number}`);
  const page: PDFPage = doc.addPage([420, 595]);
  let y = 560;
  const write = (text: string, options: { font?: PDFFont; size?: number; x?: number } = {}) => {
    const size = options.size ?? 9;
    for (const line of wrap(text, options.font ?? regular, size, 380)) {
      page.drawText(line, { x: options.x ?? 20, y, size, font: options.font ?? regular, color: rgb(0, 0, 0) });
      y -= size + 5;
    }
  };
  write(`Đơn vị thu: ${f.agencyName} (${f.agencyCode})`, { font: bold });
  write(`Mẫu số: ${f.template}    Ký hiệu: ${f.series}    Số: ${f.number}`);
  y -= 6;
  write(f.adjusts ? 'BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỀU CHỈNH' : 'BIÊN LAI THU PHÍ, LỆ PHÍ', { font: bold, size: 13, x: 95 });
  write('(Biên lai điện tử)', { x: 170 });
  if (f.adjusts) write(`Điều chỉnh cho: ${f.adjusts}`);
  y -= 6;
  write(`Tên người nộp: ${f.payerName}`);
  write(`Số giấy tờ: ${f.payerId}`);
  write(`Loại: ${f.kind}`);
  y -= 4;
  for (const item of f.items) write(`- ${item.label}: ${vnd(item.amount)} đồng`);
  y -= 4;
  write(`Tổng cộng: ${vnd(f.total)} đồng`, { font: bold });
  write(`Số tiền bằng chữ: ${f.amountInWords}`);
  y -= 10;
  write(`Ngày ${f.date}`, { x: 260 });
  write('Đơn vị thu (chữ ký số)', { x: 260, font: bold });
  write('Bản thử nghiệm: không có giá trị pháp lý (sandbox)', { size: 7 });
  return doc.save();
}
