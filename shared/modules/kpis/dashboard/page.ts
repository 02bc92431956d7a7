import { scriptHashSource, type HtmlPage } from '../../../platform/http/html-page';
import { KPI_RATES, KPI_RATE_DEFINITIONS } from '../domain/rates';
import { UPLOT_CSS, UPLOT_JS } from './uplot.generated';
import { PAGE_SCRIPT } from './page-script';

const STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9}
header{background:#b71c1c;color:#fff;padding:12px 20px}header h1{margin:0;font-size:20px}
main{padding:16px 20px}form{display:flex;flex-wrap:wrap;gap:10px;align-items:end;background:#fff;padding:12px;border-radius:6px}
label{display:flex;flex-direction:column;font-size:13px;gap:4px}input,select,button{font:inherit;padding:5px 8px}
button{background:#1565c0;color:#fff;border:0;border-radius:4px;cursor:pointer}button.secondary{background:#455a64}
table{border-collapse:collapse;background:#fff;margin:12px 0;font-size:14px}th,td{border:1px solid #ddd;padding:5px 8px;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.behind{color:#b71c1c}.ahead{color:#2e7d32}.nodata{color:#757575}
#charts{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fff;margin:0;padding:8px;border-radius:6px}
figcaption{font-size:13px;font-weight:600;margin-bottom:4px}.error{color:#b71c1c}#token{width:320px}
`;

const option = (value: string, text: string, selected = false) => `<option value="${value}"${selected ? ' selected' : ''}>${text}</option>`;

/**
 * The city's KPI dashboard: one self-contained Vietnamese page (uPlot inlined, no CDN) that asks for
 * the official's token and reads the KPI API with it. Its Content-Security-Policy allows exactly its
 * two inline scripts (by hash) and calls to its own origin.
 */
export function dashboardPage(): HtmlPage {
  const rankOptions = KPI_RATES.map((k) => option(k, KPI_RATE_DEFINITIONS[k].label, k === 'level4')).join('');
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Chỉ số dịch vụ công trực tuyến</title><style>${UPLOT_CSS}${STYLE}</style></head>
<body><header><h1>Chỉ số dịch vụ công trực tuyến toàn trình</h1></header><main>
<form id="form">
<label>Mã truy cập (token)<input id="token" type="password" autocomplete="off" required></label>
<label>Kỳ báo cáo<select id="periodKind">${option('day', 'Ngày')}${option('week', 'Tuần')}${option('month', 'Tháng', true)}${option('quarter', 'Quý')}${option('year', 'Năm')}</select></label>
<label>Thời gian<input id="periodValue" required></label>
<label>Đơn vị<select id="unit">${option('city', 'Toàn thành phố', true)}${option('level:department', 'Sở, ban, ngành')}${option('level:commune', 'Xã, phường')}</select></label>
<label>hoặc mã đơn vị<input id="agencyCode" placeholder="VD: HP-STP" size="10"></label>
<label>Xếp hạng theo<select id="rankBy">${rankOptions}</select></label>
<button type="submit">Xem báo cáo</button><button type="button" id="csv" class="secondary">Tải CSV</button>
</form>
<p id="status" role="status"></p>
<section id="report" hidden>
<h2 id="title"></h2><p><span id="computedAt"></span></p>
<table id="kpis"><thead><tr><th>Chỉ số</th><th>Tử số / mẫu số</th><th>Tỷ lệ</th><th>Chỉ tiêu</th><th>Chênh lệch</th></tr></thead><tbody></tbody></table>
<p>Số ngày trung bình từ khi nộp đến khi trả kết quả: <strong id="avgDays"></strong></p>
<h3>Xu hướng</h3><div id="charts"></div>
<section id="rankingSection" hidden><h3>Xếp hạng đơn vị</h3><table id="ranking"><thead><tr></tr></thead><tbody></tbody></table>
<p id="rankPager"><button type="button" id="rankPrev" class="secondary">‹ Trang trước</button> <span id="rankPageInfo"></span> <button type="button" id="rankNext" class="secondary">Trang sau ›</button> (bảng xếp hạng đầy đủ có trong tệp CSV)</p>
<p id="rankLegend">– : không có số liệu (mẫu số bằng 0, ví dụ đơn vị chưa có hồ sơ trong kỳ); đơn vị không có số liệu không được xếp hạng.</p></section>
</section></main>
<script>${UPLOT_JS}</script><script>${PAGE_SCRIPT}</script></body></html>`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${scriptHashSource(UPLOT_JS)} ${scriptHashSource(PAGE_SCRIPT)}`,
    // uPlot positions its legend and cursor with style attributes.
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
