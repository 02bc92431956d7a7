import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { api, devToken } from '../support/api-client';
import { browserAvailable, browserForSuite } from '../support/browser';
import { uniqueCode, until } from '../support/emulators';


describe.skipIf(!browserAvailable)('A citizen pays in the sandbox gateway with a real browser', () => {
  const browser = browserForSuite();

  it('opens the redirect URL, clicks pay, lands on the return URL and the dossier moves to PROCESSING', async () => {
    const agency = uniqueCode('HP');
    const citizen = '036099000777';
    const agencyToken = await devToken({ role: 'agency', agency });
    const citizenToken = await devToken({ role: 'citizen', sub: citizen });
    const no = uniqueCode('H31.26');
    const registered = await api(`/v1/dossiers/${no}`, {
      method: 'PUT',
      token: agencyToken,
      body: { procedureCode: '2.000488', agencyCode: agency, channel: 'online', submittedAt: new Date().toISOString(), applicant: { citizenId: citizen, fullName: 'Phạm Thị D', phone: '0903123456' }, inputs: { certificates: 3 } },
    });
    expect(registered.json.amountDue).toBe(205_000);
    const payment = await api(`/v1/dossiers/${no}/payments`, {
      token: citizenToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { provider: 'vnpay', returnUrl: `${inject('baseUrl')}/sandbox/portal/payment-result` },
    });
    expect(payment.status).toBe(201);

    const page = await browser().newPage();
    await page.goto(payment.json.redirectUrl);
    await expect.poll(() => page.textContent('#amount')).toContain('205.000');
    await Promise.all([page.waitForURL(/\/sandbox\/portal\/payment-result/), page.click('#pay')]);
    expect(new URL(page.url()).searchParams.get('paymentId')).toBe(payment.json.paymentId);
    expect(await page.textContent('#status')).toBe('succeeded');
    await page.screenshot({ path: '.local/browser-payment.png' }).catch(() => undefined);

    const dossier = await until(() => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json), (d) => d.status === 'PROCESSING');
    expect(dossier.payments).toEqual([expect.objectContaining({ paymentId: payment.json.paymentId, status: 'succeeded', amount: 205_000 })]);
  }, 60_000);
});
