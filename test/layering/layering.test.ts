import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of .dependency-cruiser.cjs, run as part of `npm test`: the real tree must have
 * no violation, and a fixture tree with violations planted on purpose must have exactly those, so a
 * check that silently stopped checking would fail here.
 */
const require = createRequire(import.meta.url);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PLANTED = fileURLToPath(new URL('./planted', import.meta.url));
const config = require('../../.dependency-cruiser.cjs') as { forbidden: never; options: Record<string, unknown> };

async function violations(baseDir: string, roots: string[]): Promise<IViolation[]> {
  const { output } = await cruise(roots, { ruleSet: { forbidden: config.forbidden }, ...config.options, baseDir, validate: true }, undefined, {
    tsConfig: { fileName: `${REPO}/tsconfig.json` },
  } as never);
  return (output as ICruiseResult).summary.violations;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('Layering', () => {
  it('holds on the whole tree', async () => {
    const found = await violations(REPO, ['functions', 'shared', 'infra', 'local', 'scripts', 'bench']);
    expect(found.map(describeViolation)).toEqual([]);
  }, 60_000);

  it('fails on violations planted on purpose', async () => {
    const found = await violations(PLANTED, ['shared', 'functions', 'local']);
    expect(found.map(describeViolation).map((v) => v.replace(/ → .*node_modules\/zod\/.*/, ' → ZOD')).sort()).toEqual([
      'deployable-stays-deployable: functions/handler.ts → local/dev.ts',
      'domain-borrows-only-types: shared/modules/beta/domain/uses-alpha.ts → shared/modules/alpha/index.ts',
      'domain-is-pure: shared/modules/alpha/domain/rule.ts → shared/platform/sqs/client.ts',
      'modules-through-their-index: shared/modules/beta/use-cases/steal.ts → shared/modules/alpha/domain/rule.ts',
      'zod-through-the-platform: shared/modules/beta/api/classic.ts → ZOD',
    ]);
  }, 60_000);
});
