import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../../../shared/platform/api/openapi';
import { Operations } from '../../../../../shared/app/operations';

const doc = buildOpenApiDocument(Operations, { version: 'test' }) as any;

function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('Function: buildOpenApiDocument', () => {
  it('is OpenAPI 3.1 with one entry per operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(Operations.map((o) => `${o.method} ${o.path}`).sort());
  });

  it('resolves every $ref to a component', () => {
    for (const ref of refs(doc)) {
      const target = ref.replace('#/', '').split('/').reduce((node: any, key) => node?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents the request body, path parameters and the error shape', () => {
    const quote = doc.paths['/v1/fees/quote'].post;
    const body = quote.requestBody.content['application/json'].schema;
    const bodySchema = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(bodySchema.required).toEqual(expect.arrayContaining(['procedureCode', 'channel']));
    expect(bodySchema.additionalProperties).toBe(false);
    expect(quote.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    const get = doc.paths['/v1/procedures/{procedureCode}'].get;
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'procedureCode', in: 'path', required: true }));
  });

  it('names no local-only route and no secret', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('/v1/dev/tokens');
    expect(text).not.toMatch(/HASH_SECRET|hashSecret|WEBHOOK_SECRETS/i);
  });
});
