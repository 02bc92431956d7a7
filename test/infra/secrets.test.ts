import { describe, expect, it } from 'vitest';
import { Functions } from '../../shared/app/functions';
import { parameterNameOf } from '../../shared/platform/config/secrets';
import { buildTestApp, statementsOfFunction, templateOf, actionsOf, resourcesOf } from './support';

const template = templateOf(buildTestApp());
const fnName = (name: string) => `toantrinh-dev-${name}`;

describe('Secrets: SSM parameters per function', () => {
  it.each(Functions.map((f) => [f.name, f] as const))('%s may read exactly the parameters it declares', (name, definition) => {
    const ssm = statementsOfFunction(template, fnName(name)).filter((s) => actionsOf(s).some((a) => a.startsWith('ssm:')));
    const secrets = definition.access.secrets ?? [];
    if (secrets.length === 0) return expect(ssm).toEqual([]);
    expect(ssm.flatMap(actionsOf)).toEqual(['ssm:GetParameter']);
    const text = JSON.stringify(ssm.flatMap(resourcesOf));
    for (const secret of secrets) expect(text).toContain(`parameter/toantrinh/dev/${parameterNameOf(secret)}`);
    expect(ssm.flatMap(resourcesOf)).toHaveLength(secrets.length);
  });

  it('gives the parameter prefix, never a secret value, to the functions', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const text = JSON.stringify(functions);
    expect(text).toContain('/toantrinh/dev/');
    expect(text).not.toMatch(/HASH_SECRET"|WEBHOOK_SECRETS"/);
  });
});
