import { describe, expect, inject, it } from 'vitest';
import { ErrorCatalogue } from '../../shared/platform/api/error-catalogue';
import { ERROR_SECTION_ANCHOR } from '../../shared/platform/api/openapi-description';
import { GUIDE_ANCHORS, GUIDES } from '../../shared/app/system/guide';
import { portalStatusWebhook } from '../../shared/modules/portal-webhooks/api/webhook';
import { api, devToken } from '../support/api-client';
import { browserAvailable, browserForSuite } from '../support/browser';

describe('API docs and Vietnamese errors on the local runtime', () => {
  it('answers in Vietnamese for a caller preferring it, in English otherwise, always with the stable code and the field named', async () => {
    const body = { procedureCode: '9.999999', channel: 'online', inputs: {} };
    const vi = await api('/v1/fees/quote', { body, headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    expect(vi.status).toBe(422);
    expect(vi.headers.get('content-language')).toBe('vi');
    expect(vi.json.error).toEqual({ code: 'UNKNOWN_PROCEDURE', message: ErrorCatalogue.UNKNOWN_PROCEDURE.vi, details: [{ path: 'procedureCode', message: 'unknown procedure' }] });
    expect(vi.json.error.message).toBe('Không có thủ tục hành chính với mã này');

    const en = await api('/v1/fees/quote', { body, headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' } });
    expect(en.json.error).toMatchObject({ code: 'UNKNOWN_PROCEDURE', message: ErrorCatalogue.UNKNOWN_PROCEDURE.en });
    const none = await api('/v1/fees/quote', { body });
    expect(none.headers.get('content-language')).toBe('en');
    expect(none.json.error.message).toBe(ErrorCatalogue.UNKNOWN_PROCEDURE.en);
  });

  it('keeps field-level validation machine-readable in Vietnamese too', async () => {
    const res = await api('/v1/fees/quote', { body: { procedureCode: '2.000815', channel: 'fax' }, headers: { 'accept-language': 'vi' } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.message).toBe(ErrorCatalogue.VALIDATION_FAILED.vi);
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: 'channel' }));
  });

  it('answers a role that does not fit in Vietnamese (the handler’s 403, behind the JWT check)', async () => {
    const token = await devToken({ role: 'agency', agency: 'HP-PX' });
    const res = await api('/v1/me/notification-preferences', { method: 'PUT', body: { channels: { sms: false } }, token, headers: { 'accept-language': 'vi' } });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'FORBIDDEN', message: ErrorCatalogue.FORBIDDEN.vi });
  });

  it('shows which inputs a procedure needs and what they mean', async () => {
    const res = await api('/v1/procedures/2.000815');
    expect(res.json.inputs).toEqual([
      expect.objectContaining({ name: 'pages', required: true, description: expect.objectContaining({ vi: expect.stringContaining('trang') }) }),
      expect.objectContaining({ name: 'copies', required: false }),
    ]);
  });

  it('names the runtime it is served from as the server', async () => {
    const res = await api('/v1/openapi.json');
    expect(res.json.servers).toEqual([{ url: inject('baseUrl'), description: 'This deployment' }]);
    expect(res.json.paths['/docs'].get.operationId).toBe('getApiDocs');
  });

  it('declares the status push under webhooks and carries the guide in both languages', async () => {
    const res = await api('/v1/openapi.json');
    expect(res.json.webhooks[portalStatusWebhook.name].post.operationId).toBe(portalStatusWebhook.operationId);
    expect(res.json.info.description).toContain(`# ${GUIDES.vi.title}`);
    expect(res.json.info.description).toContain(`# ${GUIDES.en.title}`);
  });

  it('serves /docs as one self-contained page', async () => {
    const res = await api('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(res.text).not.toMatch(/<script[^>]+src=/);
  });
});

describe.skipIf(!browserAvailable)('API docs in a browser', () => {
  const browser = browserForSuite();

  it('renders the reference with the fee quote operation, its example and the error table, fetching nothing from outside', async () => {
    const page = await browser().newPage();
    const base = inject('baseUrl');
    const outside: string[] = [];
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto(`${base}/docs`);
    const heading = page.locator('h2', { hasText: 'Itemised fee quote by the schedule in force on the submission date' });
    await heading.first().waitFor({ timeout: 60_000 });
    expect(await page.getByText('/v1/fees/quote').count()).toBeGreaterThan(0);
    // The error table of the description, Vietnamese column included.
    expect(await page.getByText('Không có thủ tục hành chính với mã này').count()).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows the Vietnamese integration guide in the menu and the status push webhook, and the guide links lead to it', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${inject('baseUrl')}/docs`);
    // Redoc renders the description's headings as h2 and lists them in its menu.
    await page.locator('h2', { hasText: GUIDES.vi.title }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('h2', { hasText: GUIDES.vi.sections.webhooks.heading }).count()).toBe(1);
    expect(await page.locator('[role="menuitem"]', { hasText: GUIDES.vi.sections.pay.heading }).count()).toBeGreaterThan(0);
    for (const anchor of [GUIDE_ANCHORS.vi, GUIDE_ANCHORS.en, ERROR_SECTION_ANCHOR]) expect(await page.locator(`[id="${anchor.slice(1)}"]`).count(), anchor).toBe(1);

    const webhookId = `tag/${portalStatusWebhook.tags[0]}/operation/${portalStatusWebhook.operationId}`;
    const webhook = page.locator(`[id="${webhookId}"]`);
    expect(await webhook.locator('h2', { hasText: portalStatusWebhook.summary }).count()).toBe(1);
    expect(await webhook.getByText('X-Signature', { exact: true }).count()).toBeGreaterThan(0);

    // The Vietnamese step on status pushes links to the webhook's entry, and following it brings the entry into view.
    const inView = async () => {
      const box = await webhook.boundingBox();
      return box !== null && box.y < 900 && box.y + box.height > 0;
    };
    expect(await inView()).toBe(false);
    const link = page.locator(`[id^="${GUIDE_ANCHORS.vi.slice(1)}/"] a[href="#${webhookId}"]`).first();
    // Clicked again while the entry is not in view: on a loaded machine Redoc may still be laying the
    // page out (and moving it) when the first click lands. A link to anywhere else never gets there.
    await expect.poll(async () => (await inView()) || (await link.click(), false), { timeout: 30_000, interval: 1_000 }).toBe(true);
    await page.close();
  }, 90_000);
});
