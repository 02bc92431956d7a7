import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { buildTestApp } from './support';
import { ESM_REQUIRE_SHIM } from '../../infra/bundling';

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
  });
});
