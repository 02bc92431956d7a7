import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderAssets } from '../../../scripts/docs-assets';
import { docsPage } from '../../../shared/app/system/docs-page';
import { readRedocScript } from '../../../shared/app/system/redoc';
import { REDOC_VERSION } from '../../../shared/app/system/redoc.generated';

const pinned = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.redoc;

describe('Script: docs-assets', () => {
  it('serves the Redoc of package.json: the committed files are what `npm run docs:assets` renders', () => {
    expect(REDOC_VERSION).toBe(pinned);
    expect(createRequire(import.meta.url)('redoc/package.json').version).toBe(pinned);
    const rendered = renderAssets();
    expect(Object.keys(rendered).map((path) => path.replace(/.*\/shared\//, 'shared/')).sort()).toEqual(
      ['shared/app/system/redoc.generated.ts', 'shared/app/system/redoc.standalone.js', 'shared/app/system/redoc.standalone.js.LICENSE.txt'],
    );
    for (const [path, content] of Object.entries(rendered)) expect(readFileSync(path, 'utf8') === content, path).toBe(true);
  });
});

describe('Function: docsPage', async () => {
  const document = { openapi: '3.1.0', info: { title: 't', version: '1', description: '</script><script>alert(1)</script>' }, paths: {} };
  const redoc = await readRedocScript();
  const { html, contentSecurityPolicy } = docsPage(document, redoc);

  it('inlines Redoc and the document (no CDN, no external script) and allows only its two scripts by hash', () => {
    const page = html.replace(redoc.js, '');
    expect(redoc.js.length).toBeGreaterThan(1_000_000);
    expect(html).toContain(redoc.js);
    expect(page).not.toMatch(/<script[^>]+src=|(?:src|href)=["']?https?:/);
    expect(page.match(/<script>/g)).toHaveLength(2);
    expect(html).toContain('Redoc.init(');
    expect(html).toContain(`<meta name="generator" content="Redoc ${REDOC_VERSION}">`);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+';/);
    expect(contentSecurityPolicy).toContain(`script-src ${redoc.hashSource} `);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:/);
  });

  it('cannot be closed early by a string of the document', () => {
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>');
  });

  it('fits an API Gateway answer (6 MB) with room for the document to grow', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
  });
});
