import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { buildTestApp } from './support';
import { ESM_REQUIRE_SHIM } from '../../infra/bundling';
import { fromRepoRoot } from '../../infra/paths';
import { REDOC_FILES } from '../../shared/app/system/redoc';
import type { Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

describe('bundling', () => {
  it('bundles the real health handler with the local esbuild into a minified ESM asset', () => {
    const health = Functions.find((f) => f.name === 'Health');
    expect(health, 'Functions has no Health entry').toBeDefined();
    const { app, stack } = buildTestApp({ bundle: true, overrides: { functions: [health!] } });

    const assembly = app.synth();
    const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    const assetHash = (fn!.Properties.Code.S3Key as string).replace(/\.zip$/, '');
    const manifest = JSON.parse(
      readFileSync(path.join(assembly.directory, `${stack.artifactId}.assets.json`), 'utf8'),
    ) as { files: Record<string, { source: { path: string; packaging: string } }> };
    const asset = manifest.files[assetHash];
    expect(asset, `no file asset ${assetHash}`).toBeDefined();
    expect(asset!.source.packaging).toBe('zip');
    const assetDir = path.join(assembly.directory, asset!.source.path);

    expect(existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
    const code = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_REQUIRE_SHIM)).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\b/);
    // externalModules: [] puts every dependency, the AWS SDK included, inside the bundle.
    const imported = [...code.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(imported).toContain('node:module');
    expect(imported.filter((specifier) => !isBuiltin(specifier!))).toEqual([]);
    // No `files`: the asset is the bundle and its source map alone.
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
  });

  it("ships a function's files beside index.mjs in its code asset: Redoc's script for DocsPage, not inside its bundle", () => {
    const docs = Functions.find((f) => f.name === 'DocsPage');
    expect(docs?.files?.length, 'DocsPage declares no files').toBeGreaterThan(0);
    const { app, stack } = buildTestApp({ bundle: true, overrides: { functions: [docs!] } });

    const assetDir = codeAssetDir(app.synth(), stack);
    const redoc = readFileSync(fromRepoRoot(`shared/app/system/${REDOC_FILES.script}`));
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map', ...docs!.files!.map((file) => path.basename(file))].sort());
    for (const file of docs!.files!) expect(readFileSync(path.join(assetDir, path.basename(file))).equals(readFileSync(fromRepoRoot(file))), file).toBe(true);
    expect(readFileSync(path.join(assetDir, REDOC_FILES.script)).equals(redoc)).toBe(true);
    // The bundle holds no stretch of the script (it would be parsed at every cold start).
    const code = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(code).not.toContain(redoc.subarray(500_000, 500_200).toString('utf8'));
    expect(code.length).toBeLessThan(redoc.length / 2);
  });
});

/** The folder CDK zips as the stack's only function's code. */
function codeAssetDir(assembly: CloudAssembly, stack: Stack): string {
  const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
  const assetHash = (fn!.Properties.Code.S3Key as string).replace(/\.zip$/, '');
  const manifest = JSON.parse(readFileSync(path.join(assembly.directory, `${stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string } }>;
  };
  const asset = manifest.files[assetHash];
  expect(asset, `no file asset ${assetHash}`).toBeDefined();
  return path.join(assembly.directory, asset!.source.path);
}
