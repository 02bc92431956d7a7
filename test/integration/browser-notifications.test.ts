import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { api, devToken } from '../support/api-client';
import { browserAvailable, browserForSuite } from '../support/browser';
import { uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';


describe.skipIf(!browserAvailable)('The sandbox phone page in a real browser', () => {
  const browser = browserForSuite();

  it('shows the payment message, in Vietnamese, with the dossier number', async () => {
    const agency = uniqueCode('HP');
    const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
    const phone = `0913${digits}`;
    const citizen = `0370${digits}00`;
    const agencyToken = await devToken({ role: 'agency', agency });
    const citizenToken = await devToken({ role: 'citizen', sub: citizen });
    const no = uniqueCode('H31.26');
    const registered = await api(`/v1/dossiers/${no}`, {
      method: 'PUT',
      token: agencyToken,
      body: { procedureCode: '2.000815', agencyCode: agency, channel: 'online', submittedAt: new Date().toISOString(), applicant: { citizenId: citizen, fullName: 'Đỗ Thị Hằng', phone }, inputs: { pages: 3, copies: 1 } },
    });
    expect(registered.status, registered.text).toBe(201);
    const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), payment.json.amount))).RspCode).toBe('00');
    await until(() => api(`/sandbox/notifications?phone=${phone}`).then((r) => r.json.items), (items) => items.length > 0);

    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/sandbox/phone/${phone}`);
    expect(await page.textContent('#phone')).toBe(`84913${digits}`);
    const message = page.locator('li.msg').first();
    expect(await message.getAttribute('data-channel')).toBe('zns');
    expect(await message.locator('.channel').textContent()).toBe('Zalo ZNS');
    expect(await message.locator('.text').textContent()).toContain('Kính gửi Đỗ Thị Hằng: đã nhận thanh toán 5.000 đồng');
    expect(await message.locator('.dossier').textContent()).toBe(no);
    await page.screenshot({ path: '.local/browser-notifications.png' }).catch(() => undefined);
  }, 60_000);
});
