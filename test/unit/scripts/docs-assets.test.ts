import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ASSET_MODULE, renderAssetModule } from '../../../scripts/docs-assets';
import { docsPage } from '../../../shared/app/system/docs-page';
import { REDOC_JS, REDOC_VERSION } from '../../../shared/app/system/redoc.generated';

const pinned = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.redoc;

describe('Script: docs-assets', () => {
  it('serves the Redoc of package.json: the committed module is what `npm run docs:assets` renders', () => {
    expect(REDOC_VERSION).toBe(pinned);
    expect(createRequire(import.meta.url)('redoc/package.json').version).toBe(pinned);
    expect(readFileSync(ASSET_MODULE, 'utf8')).toBe(renderAssetModule());
  });
});

describe('Function: docsPage', () => {
  const document = { openapi: '3.1.0', info: { title: 't', version: '1', description: '</script><script>alert(1)</script>' }, paths: {} };
  const { html, contentSecurityPolicy } = docsPage(document);

  it('inlines Redoc and the document (no CDN, no external script) and allows only its two scripts by hash', () => {
    const page = html.replace(REDOC_JS, '');
    expect(html).toContain(REDOC_JS);
    expect(page).not.toMatch(/<script[^>]+src=|(?:src|href)=["']?https?:/);
    expect(page.match(/<script>/g)).toHaveLength(2);
    expect(html).toContain('Redoc.init(');
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+';/);
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
