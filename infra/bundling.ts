import type { BuildOptions } from 'esbuild';

/** Lets CommonJS dependencies call `require` inside an ESM bundle. */
export const ESM_REQUIRE_SHIM =
  "import { createRequire as __toantrinhCreateRequire } from 'node:module';const require = __toantrinhCreateRequire(import.meta.url);";

/**
 * The esbuild settings every Lambda is bundled with. The CDK construct passes the same values
 * through NodejsFunction's bundling props, and `npm run bench` measures bundles built with these.
 */
export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_SHIM },
  // The AWS SDK is bundled too: the runtime's copy changes under us, the lock file's does not.
  external: [],
} as const satisfies BuildOptions;
