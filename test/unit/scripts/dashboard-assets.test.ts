import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSET_MODULE, renderAssetModule } from '../../../scripts/dashboard-assets';
import { dashboardPage } from '../../../shared/modules/kpis/dashboard/page';

describe('dashboard assets', () => {
  it('serves the uPlot of package.json: the committed module is what `npm run dashboard:assets` renders', () => {
    expect(readFileSync(ASSET_MODULE, 'utf8')).toBe(renderAssetModule());
  });

  it('inlines the library (no CDN, no external script) and allows only its own scripts by hash', () => {
    const { html, contentSecurityPolicy } = dashboardPage();
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/https?:\/\/(?!github\.com\/leeoniya)/);
    expect(html).toContain('var uPlot=');
    expect(contentSecurityPolicy).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
    expect(html.match(/<script>/g)).toHaveLength(2);
  });
});
