import type { ServerResponse } from 'node:http';
import { escapeHtml, page } from './html';

/** One message as a sandbox phone (or mailbox) received it. */
export interface InboxItem {
  readonly channel: 'zns' | 'sms' | 'email';
  readonly to: string;
  readonly text: string;
  readonly dossierNo?: string;
  readonly sentAt: string;
  readonly messageId: string;
}

const CHANNEL_LABELS: Readonly<Record<InboxItem['channel'], string>> = { zns: 'Zalo ZNS', sms: 'SMS', email: 'Email' };

function viTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** One sandbox "phone": what it received on every channel, newest first. */
export function phonePage(response: ServerResponse, phone: string, items: readonly InboxItem[], zaloAccount: boolean): void {
  const list = items.length
    ? items
        .map(
          (i) => `<li class="box msg" data-channel="${i.channel}"><b class="channel">${CHANNEL_LABELS[i.channel]}</b> · <time>${escapeHtml(viTime(i.sentAt))}</time>
<p class="text">${escapeHtml(i.text)}</p>${i.dossierNo ? `<small>Hồ sơ <span class="dossier">${escapeHtml(i.dossierNo)}</span></small>` : ''}</li>`,
        )
        .join('\n')
    : '<p id="empty">Chưa có tin nhắn.</p>';
  page(
    response,
    200,
    `Điện thoại ${phone}`,
    `<h1>📱 <span id="phone">${escapeHtml(phone)}</span></h1>
<p>Tài khoản Zalo: <b id="zalo">${zaloAccount ? 'có' : 'không'}</b> · <a href="">Tải lại</a></p>
<ul id="messages" style="list-style:none;padding:0">${list}</ul>`,
  );
}

export function phoneIndexPage(response: ServerResponse, phones: readonly string[]): void {
  const links = phones.map((p) => `<li><a href="/sandbox/phone/${encodeURIComponent(p)}">${escapeHtml(p)}</a></li>`).join('');
  page(response, 200, 'Điện thoại (sandbox)', `<h1>Điện thoại</h1><ul>${links || '<li>Chưa có tin nhắn nào.</li>'}</ul>`);
}
