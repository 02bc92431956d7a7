import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../../../functions/http/docs-page';
import { LAMBDA_ESBUILD_OPTIONS } from '../../../../infra/bundling';
import { fromRepoRoot } from '../../../../infra/paths';
import { base } from '../../../../shared/app/container/base';
import { compose } from '../../../../shared/app/container/part';
import { Functions } from '../../../../shared/app/functions';
import { REDOC_FILES } from '../../../../shared/app/system/redoc';
import { settingsFromEnv } from '../../../../shared/app/settings';
import type { HttpEvent } from '../../../../shared/platform/http/types';
import { httpEvent, lambdaContextStub } from '../../../support/http-event';

type Handler = (event: HttpEvent, context: typeof lambdaContextStub) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;

const docsPageFunction = Functions.find((f) => f.name === 'DocsPage')!;
const redocJs = readFileSync(fromRepoRoot(`shared/app/system/${REDOC_FILES.script}`), 'utf8');
const hashSource = `'sha256-${createHash('sha256').update(redocJs, 'utf8').digest('base64')}'`;
const getDocs = () =>
  httpEvent({ routeKey: 'GET /docs', rawPath: '/docs', headers: { host: 'localhost:3000' }, requestContext: { ...httpEvent().requestContext, http: { ...httpEvent().requestContext.http, method: 'GET', path: '/docs' } } });

function expectThePage(response: Awaited<ReturnType<Handler>>) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.headers['content-security-policy']).toMatch(new RegExp(`^default-src 'none'; script-src ${hashSource.replace(/[+/]/g, '\\$&')} 'sha256-`));
  expect(response.headers['cache-control']).toBe('public, max-age=300');
  expect(response.body).toContain(`<script>${redocJs}</script>`);
}

describe('Function: DocsPage handler', () => {
  it('run from source, reads Redoc from the file beside its module and serves it inline, allowed by its hash', async () => {
    const handler = makeHandler(compose(settingsFromEnv({}), [base])) as unknown as Handler;
    expectThePage(await handler(getDocs(), lambdaContextStub));
    expectThePage(await handler(getDocs(), lambdaContextStub));
  });

  describe('bundled as deployed, in a folder like /var/task', () => {
    const dir = mkdtempSync(join(tmpdir(), 'toantrinh-docs-page-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('carries no Redoc in its JS, finds the script beside the bundle, and tries again after a failed read', async () => {
      const outfile = join(dir, 'index.mjs');
      await build({ ...LAMBDA_ESBUILD_OPTIONS, entryPoints: [fromRepoRoot(docsPageFunction.entry)], outfile, logLevel: 'silent' });
      const bundle = readFileSync(outfile, 'utf8');
      // Any stretch of Redoc's script would do: the bundle holds none of it, and is much smaller than it.
      expect(bundle).not.toContain(redocJs.slice(500_000, 500_200));
      expect(bundle.length).toBeLessThan(redocJs.length / 2);

      const { handler } = (await import(pathToFileURL(outfile).href)) as { handler: Handler };
      // Deployed without its files: the request fails, and is not answered from a cached failure later.
      expect((await handler(getDocs(), lambdaContextStub)).statusCode).toBe(500);
      for (const file of docsPageFunction.files ?? []) copyFileSync(fromRepoRoot(file), join(dir, basename(file)));
      expectThePage(await handler(getDocs(), lambdaContextStub));
    });
  });
});
