import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { apiDocument } from '../../../../../shared/app/system/api-document';
import { GUIDE_ANCHORS, GUIDE_LANGUAGES, GUIDE_SECTIONS, GUIDES, guideMarkdown, integrationGuide } from '../../../../../shared/app/system/guide';
import { retrySchedule, VERIFY_SNIPPET } from '../../../../../shared/app/system/guide/facts';
import { Operations, Webhooks } from '../../../../../shared/app/operations';
import { DOSSIER_STATUSES } from '../../../../../shared/modules/dossiers/domain/status';
import { SIGNATURE_EXAMPLE } from '../../../../../shared/modules/portal-webhooks/api/webhook';
import { ERROR_CODES } from '../../../../../shared/platform/api/error-catalogue';
import { ERROR_SECTION_ANCHOR, ERROR_SECTION_HEADING } from '../../../../../shared/platform/api/openapi-description';

const byLanguage = GUIDE_LANGUAGES.map((language) => [language, guideMarkdown(language)] as const);

/** The `METHOD path` an operation is named by in the guide. */
const nameOf = (op: { method: string; path: string }) => `\`${op.method} ${op.path}\``;

/** The prose of a text: no code, no link targets. */
const prose = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');

describe('The integration guide, in Vietnamese and English', () => {
  it.each(byLanguage)('%s: a title and every step as a heading of the reference menu', (language, markdown) => {
    expect(markdown.match(/^# .+$/gm)).toEqual([`# ${GUIDES[language].title}`]);
    expect(markdown.match(/^## .+$/gm)).toHaveLength(GUIDE_SECTIONS.length);
  });

  it.each(byLanguage)('%s: names every operation of the API, each linked to its entry', (_language, markdown) => {
    const missing = Operations.filter((op) => !markdown.includes(`[${nameOf(op)}](#tag/${op.tags[0]}/operation/${op.operationId})`)).map(nameOf);
    expect(missing).toEqual([]);
  });

  it.each(byLanguage)('%s: links only to anchors the reference has', (_language, markdown) => {
    const anchors = new Set([
      ...[...Operations, ...Webhooks].map((op) => `#tag/${op.tags[0]}/operation/${op.operationId}`),
      ...Object.values(GUIDE_ANCHORS),
      ERROR_SECTION_ANCHOR,
    ]);
    const links = [...markdown.matchAll(/\]\((#[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
    for (const webhook of Webhooks) expect(links).toContain(`#tag/${webhook.tags[0]}/operation/${webhook.operationId}`);
    expect(links).toContain(ERROR_SECTION_ANCHOR);
  });

  it.each(byLanguage)('%s: tells how to verify a push (the signature example, the verifier), the retry waits and every dossier status', (language, markdown) => {
    expect(markdown).toContain(VERIFY_SNIPPET);
    expect(markdown).toContain(SIGNATURE_EXAMPLE.header);
    expect(markdown).toContain(SIGNATURE_EXAMPLE.rawBody);
    expect(markdown).toContain(retrySchedule(language));
    for (const header of ['X-Signature', 'X-Webhook-Id', 'X-Webhook-Attempt', 'sequence', 'returnUrl', 'Idempotency-Key']) expect(markdown, header).toContain(header);
    for (const status of DOSSIER_STATUSES) expect(markdown, status).toContain(`| \`${status}\` |`);
  });

  it('states the same error codes in both languages', () => {
    const codes = (markdown: string) => ERROR_CODES.filter((code) => markdown.includes(code)).sort();
    expect(codes(guideMarkdown('vi'))).toEqual(codes(guideMarkdown('en')));
    expect(codes(guideMarkdown('en')).length).toBeGreaterThan(0);
  });

  it('is written in Vietnamese with its diacritics, not in bare letters', () => {
    const words = prose(guideMarkdown('vi')).split(/[^\p{L}]+/u).filter(Boolean);
    const marked = words.filter((w) => /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(w));
    // Vietnamese prose marks most of its syllables; the same text without diacritics would mark none.
    expect(marked.length / words.length).toBeGreaterThan(0.4);
    for (const phrase of ['Hướng dẫn tích hợp', 'Xác thực', 'thanh toán', 'hồ sơ', 'Hoàn tiền', 'biên lai', 'bưu chính']) expect(guideMarkdown('vi')).toContain(phrase);
  });

  it('stands in the document before the error table, after a line that points to each language', () => {
    const description = (apiDocument({ version: 'test' }) as { info: { description: string } }).info.description;
    const at = (text: string) => description.indexOf(text);
    expect(description).toContain(integrationGuide());
    expect(at(`[${GUIDES.vi.title}](${GUIDE_ANCHORS.vi})`)).toBeLessThan(at(`# ${GUIDES.vi.title}`));
    expect(at(`# ${GUIDES.vi.title}`)).toBeLessThan(at(`# ${GUIDES.en.title}`));
    expect(at(`# ${GUIDES.en.title}`)).toBeLessThan(at(`# ${ERROR_SECTION_HEADING}`));
  });
});

describe('The verifier the guide shows (run as printed)', () => {
  const verifyPush = new Function('require', `${VERIFY_SNIPPET}\nreturn verifyPush;`)(createRequire(import.meta.url)) as (
    header: string | undefined, rawBody: string | Buffer, secrets: readonly string[], nowSeconds?: number,
  ) => boolean;
  const { secrets, timestamp, rawBody, header } = SIGNATURE_EXAMPLE;

  it('accepts the example with either secret, over a string or the raw bytes', () => {
    expect(verifyPush(header, rawBody, [secrets[0]], timestamp)).toBe(true);
    expect(verifyPush(header, Buffer.from(rawBody, 'utf8'), [secrets[1]], timestamp + 300)).toBe(true);
  });

  it('refuses another secret, another body, a stale or missing signature', () => {
    expect(verifyPush(header, rawBody, ['another-secret'], timestamp)).toBe(false);
    expect(verifyPush(header, rawBody.replace('"sequence":3', '"sequence":4'), [secrets[0]], timestamp)).toBe(false);
    expect(verifyPush(header, rawBody, [secrets[0]], timestamp + 301)).toBe(false);
    expect(verifyPush(undefined, rawBody, [secrets[0]], timestamp)).toBe(false);
    expect(verifyPush(`t=${timestamp}`, rawBody, [secrets[0]], timestamp)).toBe(false);
  });

  it('says the default waits in words (GOV.UK Pay’s schedule, over three days)', () => {
    expect(retrySchedule('en')).toBe('60 s, 5 min, 1 h, 1 day and 2 days');
    expect(retrySchedule('vi')).toBe('60 giây, 5 phút, 1 giờ, 1 ngày và 2 ngày');
  });
});
