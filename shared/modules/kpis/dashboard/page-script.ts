/**
 * The dashboard's browser script, as text: plain ES2020 with no build step, run by the page next to
 * the inlined uPlot. It keeps the token in sessionStorage (gone when the tab closes), reads the
 * same JSON report the API documents, and fetches the CSV with the token to offer it as a download.
 */
export const PAGE_SCRIPT = String.raw`
(() => {
  const $ = (id) => document.getElementById(id);
  const pct = (x) => (x === null || x === undefined ? '–' : (x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + ' %');
  const pts = (x) => (x === null || x === undefined ? '–' : (x > 0 ? '+' : '') + (x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + ' điểm');
  // A rate with nothing to divide by (no dossier of its kind) is no data, never 0 %.
  const NO_DATA = 'Không có số liệu';
  const num = (x) => (x === null || x === undefined ? '–' : x.toLocaleString('vi-VN'));
  const LEVELS = { department: 'Sở, ban, ngành', commune: 'Xã, phường' };
  const INPUT_TYPES = { day: 'date', week: 'week', month: 'month', quarter: 'text', year: 'number' };
  const PLACEHOLDERS = { day: 'YYYY-MM-DD', week: 'YYYY-Www', month: 'YYYY-MM', quarter: 'YYYY-Qn', year: 'YYYY' };
  const charts = [];
  // The JSON report carries one page of the ranking (its size must not grow with the agencies).
  const RANK_PAGE = 20;
  let rankOffset = 0;
  $('token').value = sessionStorage.getItem('kpiToken') || '';

  function setPeriodInput() {
    const kind = $('periodKind').value;
    const input = $('periodValue');
    input.type = INPUT_TYPES[kind];
    input.placeholder = PLACEHOLDERS[kind];
    const now = new Date(Date.now() + 7 * 3600 * 1000).toISOString();
    input.value = kind === 'day' ? now.slice(0, 10) : kind === 'month' ? now.slice(0, 7) : kind === 'year' ? now.slice(0, 4) : kind === 'quarter' ? now.slice(0, 4) + '-Q' + Math.ceil(Number(now.slice(5, 7)) / 3) : '';
  }
  $('periodKind').addEventListener('change', setPeriodInput);
  setPeriodInput();

  function query() {
    const params = new URLSearchParams();
    params.set($('periodKind').value, $('periodValue').value.trim());
    const unit = $('unit').value;
    if (unit.startsWith('level:')) params.set('level', unit.slice(6));
    else if (unit.startsWith('agency:')) params.set('agencyCode', unit.slice(7));
    const typed = $('agencyCode').value.trim();
    if (typed) { params.delete('level'); params.set('agencyCode', typed); }
    params.set('rankBy', $('rankBy').value);
    return params.toString();
  }

  function reportQuery() {
    const params = new URLSearchParams(query());
    params.set('rankOffset', String(rankOffset));
    params.set('rankLimit', String(RANK_PAGE));
    return params.toString();
  }

  async function call(path) {
    const token = $('token').value.trim();
    sessionStorage.setItem('kpiToken', token);
    const res = await fetch(path, { headers: { authorization: 'Bearer ' + token } });
    if (!res.ok) {
      let message = res.status + ' ' + res.statusText;
      try { const body = await res.json(); message = body.error.message + (body.error.details || []).map((d) => ' — ' + d.path + ': ' + d.message).join(''); } catch {}
      throw new Error(message);
    }
    return res;
  }

  function cell(row, text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; row.appendChild(td); return td; }

  function renderKpis(report) {
    const body = $('kpis').querySelector('tbody');
    body.replaceChildren();
    for (const k of report.kpis) {
      const tr = document.createElement('tr');
      tr.dataset.kpi = k.key;
      cell(tr, k.label);
      cell(tr, num(k.numerator) + ' / ' + num(k.denominator), 'n');
      const rate = cell(tr, k.rate === null ? NO_DATA : pct(k.rate), 'n rate' + (k.rate === null ? ' nodata' : ''));
      if (k.rate === null) rate.title = 'Mẫu số bằng 0';
      cell(tr, pct(k.target), 'n');
      cell(tr, pts(k.gap), 'n ' + (k.gap === null ? '' : k.gap < 0 ? 'behind' : 'ahead'));
      body.appendChild(tr);
    }
    $('avgDays').textContent = report.averageDaysToResult === null ? '–' : report.averageDaysToResult.toLocaleString('vi-VN') + ' ngày';
    $('computedAt').textContent = report.computedAt
      ? 'Tổng hợp lúc ' + new Date(report.computedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
      : report.computedAt === null ? 'Tính trực tiếp từ số liệu gốc (kỳ này chưa được tổng hợp)' : '';
  }

  function bucketTime(bucket) { return Date.UTC(Number(bucket.slice(0, 4)), Number(bucket.slice(5, 7)) - 1, bucket.length > 7 ? Number(bucket.slice(8, 10)) : 1) / 1000; }

  function renderTrend(report) {
    while (charts.length) charts.pop().destroy();
    const box = $('charts');
    box.replaceChildren();
    const xs = report.trend.map((p) => bucketTime(p.bucket));
    for (const k of report.kpis) {
      const wrap = document.createElement('figure');
      wrap.className = 'chart';
      wrap.dataset.kpi = k.key;
      const caption = document.createElement('figcaption');
      caption.textContent = k.label + ': ' + (k.rate === null ? NO_DATA.toLowerCase() : pct(k.rate)) + (k.target === null ? '' : ' (chỉ tiêu ' + pct(k.target) + ')');
      wrap.appendChild(caption);
      box.appendChild(wrap);
      const ys = report.trend.map((p) => (p.rates[k.key] === null ? null : p.rates[k.key] * 100));
      const series = [{ label: report.trendGranularity === 'day' ? 'Ngày' : 'Tháng' }, { label: 'Thực hiện (%)', stroke: '#1565c0', width: 2, spanGaps: true, points: { show: xs.length < 40 } }];
      const data = [xs, ys];
      if (k.target !== null) { series.push({ label: 'Chỉ tiêu (%)', stroke: '#c62828', dash: [6, 4] }); data.push(xs.map(() => k.target * 100)); }
      charts.push(new uPlot({
        width: 340, height: 180, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { y: { range: [0, 100] } }, series, axes: [{}, { values: (_, ticks) => ticks.map((t) => t + '%') }],
      }, data, wrap));
    }
  }

  function renderRanking(report) {
    const section = $('rankingSection');
    section.hidden = !report.ranking;
    if (!report.ranking) return;
    const head = $('ranking').querySelector('thead tr');
    head.replaceChildren();
    for (const h of ['Hạng', 'Mã', 'Tên đơn vị', 'Cấp', 'Hồ sơ']) { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); }
    for (const k of report.kpis) { const th = document.createElement('th'); th.textContent = k.label; head.appendChild(th); }
    const body = $('ranking').querySelector('tbody');
    body.replaceChildren();
    for (const a of report.ranking) {
      const tr = document.createElement('tr');
      cell(tr, a.rank === null ? '–' : String(a.rank), 'n');
      cell(tr, a.agencyCode);
      cell(tr, a.name || '');
      cell(tr, LEVELS[a.level]);
      cell(tr, num(a.counts.dossiers), 'n');
      for (const k of a.kpis) {
        const td = cell(tr, pct(k.rate) + (k.target === null ? '' : ' / ' + pct(k.target)), 'n ' + (k.rate === null ? 'nodata' : k.gap === null ? '' : k.gap < 0 ? 'behind' : 'ahead'));
        if (k.rate === null) td.title = NO_DATA + ' (mẫu số bằng 0)';
      }
      body.appendChild(tr);
    }
    const page = report.rankingPage;
    $('rankPageInfo').textContent = page && page.total > 0 ? (page.offset + 1) + '–' + (page.offset + report.ranking.length) + ' / ' + page.total + ' đơn vị' : 'Chưa có đơn vị';
    $('rankPrev').disabled = !page || page.offset === 0;
    $('rankNext').disabled = !page || page.nextOffset === null;
    $('rankNext').dataset.offset = page && page.nextOffset !== null ? String(page.nextOffset) : '';
    const unit = $('unit');
    const chosen = unit.value;
    // The picker keeps the agencies of every page seen so far (the code field reaches any other).
    const seen = new Map();
    for (const o of [...unit.options]) if (o.value.startsWith('agency:')) { seen.set(o.value, o.textContent); o.remove(); }
    for (const a of report.ranking) seen.set('agency:' + a.agencyCode, a.agencyCode + (a.name ? ' — ' + a.name : ''));
    for (const [value, text] of [...seen].sort((x, y) => x[0].localeCompare(y[0]))) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = text;
      unit.appendChild(o);
    }
    unit.value = chosen;
  }

  async function load(event) {
    // A new query starts at the top of the ranking; the pager buttons call load() without an event.
    if (event) { event.preventDefault(); rankOffset = 0; }
    $('status').textContent = 'Đang tải…';
    $('status').className = '';
    try {
      const report = await (await call('/v1/reports/kpis?' + reportQuery())).json();
      $('title').textContent = (report.scope === 'agency' ? (report.agencyName || report.agencyCode) : report.scope === 'level' ? LEVELS[report.level] : 'Toàn thành phố') + ' · ' + report.period.id + ' (' + report.period.firstDay + ' – ' + report.period.lastDay + ')';
      renderKpis(report);
      renderTrend(report);
      renderRanking(report);
      $('report').hidden = false;
      $('status').textContent = '';
      document.body.dataset.loaded = report.period.id;
    } catch (error) {
      $('status').textContent = 'Không tải được báo cáo: ' + error.message;
      $('status').className = 'error';
    }
  }

  async function downloadCsv() {
    try {
      const blob = await (await call('/v1/reports/kpis.csv?' + query())).blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'chi-so-' + $('periodValue').value + '.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (error) {
      $('status').textContent = 'Không tải được CSV: ' + error.message;
      $('status').className = 'error';
    }
  }

  $('form').addEventListener('submit', load);
  $('csv').addEventListener('click', downloadCsv);
  $('rankPrev').addEventListener('click', () => { rankOffset = Math.max(0, rankOffset - RANK_PAGE); load(); });
  $('rankNext').addEventListener('click', () => { rankOffset = Number($('rankNext').dataset.offset || rankOffset); load(); });
})();
`;
