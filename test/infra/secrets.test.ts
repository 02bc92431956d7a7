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

describe('Secrets: read through the Parameters and Secrets extension', () => {
  const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { FunctionName?: string; Layers?: unknown[]; Environment?: { Variables?: Record<string, unknown> } } }>;
  const byName = (name: string) => Object.values(functions).find((f) => f.Properties.FunctionName === fnName(name))!;

  it.each(Functions.map((f) => [f.name, f] as const))('%s has the extension layer exactly when it declares secrets, with a 5-minute cache', (name, definition) => {
    const fn = byName(name);
    const layers = JSON.stringify(fn.Properties.Layers ?? []);
    const variables = fn.Properties.Environment?.Variables ?? {};
    // The layer's ARN is a per-region mapping (Fn::FindInMap on the Paramsandsecrets… map).
    if ((definition.access.secrets ?? []).length === 0) {
      expect(layers).not.toMatch(/Paramsandsecrets/i);
      return expect(variables.PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED).toBeUndefined();
    }
    expect(layers).toMatch(/Paramsandsecrets/i);
    expect(variables.PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED).toBe('true');
    expect(variables.SSM_PARAMETER_STORE_TTL).toBe('300');
  });
});
