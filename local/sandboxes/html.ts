import type { IncomingMessage, ServerResponse } from 'node:http';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An instant as people in Viet Nam read it: `17:31:05 30/11/2026` (Asia/Ho_Chi_Minh, UTC+7). */
export function vietnamTime(instant: Date | string): string {
  return new Date(instant).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

export function page(response: ServerResponse, status: number, title: string, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
.box{border:1px solid #ccc;border-radius:8px;padding:1rem 1.5rem}button{font-size:1rem;margin:.3rem;padding:.5rem 1rem}
.sandbox{background:#fff3cd;padding:.3rem .6rem;border-radius:4px;font-size:.85rem}.ok{color:#1b5e20}.error{color:#b00020}
input,select{font:inherit;max-width:100%}</style></head>
<body><p class="sandbox">SANDBOX — môi trường thử nghiệm cục bộ, không có giao dịch thật</p>${body}</body></html>`);
}

/** Body of an HTML form post or a JSON post, as flat string fields. */
export function formFields(request: IncomingMessage, body: Buffer): Record<string, string> {
  const text = body.toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    return Object.fromEntries(Object.entries(JSON.parse(text || '{}') as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}
