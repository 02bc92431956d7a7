import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, browserForSuite } from '../support/browser';

/** Opens the demo, quotes the default procedure (3 pages, 1 copy) and registers the dossier. */
async function quoteAndRegister(page: Page): Promise<string> {
  await page.goto(`${inject('baseUrl')}/demo`);
  await expect.poll(() => page.locator('#procedure option').count()).toBeGreaterThan(10);
  expect(await page.inputValue('#procedure')).toBe('2.000815');
  await page.click('#quote');
  await expect.poll(() => page.textContent('#quote-total')).toBe('5.000 VND');
  await page.click('#register');
  await expect.poll(() => page.textContent('#amountDue')).toBe('5.000 VND');
  expect(await page.textContent('#dossier-status')).toBe('Chờ thanh toán phí, lệ phí');
  return (await page.textContent('#dossierNo'))!;
}

describe.skipIf(!browserAvailable)('The walkable demo in a real browser', () => {
  const browser = browserForSuite();

  it('quote → register → pay in the VNPay sandbox → the return page says "Đã thanh toán" → the dossier is being processed', async () => {
    const page = await browser().newPage();
    const dossierNo = await quoteAndRegister(page);

    await page.check('#provider-vnpay');
    await Promise.all([page.waitForURL(/\/sandbox\/vnpay\/pay/), page.click('#pay')]);
    expect(await page.textContent('#amount')).toBe('5.000 VND');
    expect(await page.textContent('body')).toContain('(giờ Việt Nam)');
    await Promise.all([page.waitForURL(/\/demo\/return\?/), page.click('#pay')]);

    await expect.poll(() => page.textContent('#outcome')).toBe('Đã thanh toán');
    await expect.poll(() => page.textContent('#dossierNo'), { timeout: 20_000 }).toBe(dossierNo);
    await expect.poll(() => page.textContent('#dossier-status'), { timeout: 20_000 }).toBe('Đang giải quyết');
    expect(await page.locator('#timeline li').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.isVisible('#notifications'), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: '.local/browser-demo.png', fullPage: true }).catch(() => undefined);
  }, 90_000);

  it('a failed card payment lands on the same return page, which says so in words', async () => {
    const page = await browser().newPage();
    await quoteAndRegister(page);

    await page.check('#provider-vnpay');
    await Promise.all([page.waitForURL(/\/sandbox\/vnpay\/pay/), page.click('#pay')]);
    await Promise.all([page.waitForURL(/\/demo\/return\?/), page.click('#fail')]);

    await expect.poll(() => page.textContent('#outcome')).toBe('Thanh toán không thành công');
    await expect.poll(() => page.textContent('#dossier-status'), { timeout: 20_000 }).toBe('Chờ thanh toán phí, lệ phí');
  }, 90_000);

  it('offers the national payment platform too, and its return lands on the same page', async () => {
    const page = await browser().newPage();
    await quoteAndRegister(page);

    expect(await page.textContent('label:has(#provider-national_platform)')).toContain('Cổng Dịch vụ công quốc gia');
    await page.check('#provider-national_platform');
    await Promise.all([page.waitForURL(/\/sandbox\/national-platform\/pay\//), page.click('#pay')]);
    await Promise.all([page.waitForURL(/\/demo\/return\?/), page.click('#pay')]);

    await expect.poll(() => page.textContent('#outcome'), { timeout: 20_000 }).toBe('Đã thanh toán');
    await expect.poll(() => page.textContent('#dossier-status'), { timeout: 20_000 }).toBe('Đang giải quyết');
  }, 90_000);

  it('VietQR: the portal shows the QR, the sandbox bank reads it, and the portal moves on by itself when the money arrives', async () => {
    const page = await browser().newPage();
    await quoteAndRegister(page);

    await page.check('#provider-vietqr');
    await page.click('#pay');
    await expect.poll(() => page.isVisible('#qr-step')).toBe(true);
    await expect.poll(() => page.evaluate<number>("document.getElementById('qr-image').naturalWidth")).toBeGreaterThan(0);
    const memo = (await page.textContent('#qr-memo'))!;

    // The citizen's bank app, as another tab: the scanned QR fills the transfer in.
    const bank = await browser().newPage();
    await bank.goto((await page.getAttribute('#qr-bank', 'href'))!.replace(/^\//, `${inject('baseUrl')}/`));
    expect(await bank.inputValue('#reference')).toBe(memo);
    expect(await bank.inputValue('#amount')).toBe('5000');
    expect(await bank.locator('#qr svg').count()).toBe(1);
    expect(await bank.locator('meta[name=viewport]').count()).toBe(1);
    await bank.click('#transfer');
    await expect.poll(() => bank.textContent('#outcome')).toContain('Đã ghi nhận');
    expect(await bank.textContent('#result')).toMatch(/\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    expect(await bank.textContent('body')).not.toContain('{"');

    await page.waitForURL(/\/demo\/return\?/, { timeout: 20_000 });
    await expect.poll(() => page.textContent('#outcome')).toBe('Đã thanh toán');
  }, 90_000);
});
