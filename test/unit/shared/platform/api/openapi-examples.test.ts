import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { buildOpenApiDocument } from '../../../../../shared/platform/api/openapi';
import { Operations } from '../../../../../shared/app/operations';
import { ErrorCatalogue } from '../../../../../shared/platform/api/error-catalogue';
import { errorCodesOf, requiresJwt, responseSchemaOf, type OperationDefinition } from '../../../../../shared/platform/api/operation';
import { ErrorResponseSchema } from '../../../../../shared/platform/api/error';

const doc = buildOpenApiDocument(Operations, { version: 'test', serverUrl: 'https://api.dichvucong.example.gov.vn' }) as any;
const entryOf = (op: OperationDefinition) => doc.paths[op.path][op.method.toLowerCase()];
const byId = Operations.map((op) => [op.operationId, op] as const);

/** Responses whose body is a page for a browser: an example would only repeat the page. */
const isPage = (spec: OperationDefinition['responses'][number]) => spec.contentType?.startsWith('text/html') === true;

function issuesOf(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Every operation, including those added later, must carry examples and its error codes: these tests
 * go over Operations, not over a list of names.
 */
describe('OpenAPI: examples and error codes of every operation', () => {
  it.each(byId)('%s has a request example for its body, path, query and headers, valid by its own schemas', (_id, op) => {
    const request = op.examples?.request ?? {};
    if (op.request.body) {
      expect(request.body, 'body example').toBeDefined();
      expect(issuesOf(op.request.body, request.body)).toEqual([]);
    }
    for (const [part, schema] of [['params', op.request.params], ['query', op.request.query], ['headers', op.request.headers]] as const) {
      if (!schema) continue;
      const values = request[part];
      if (part === 'params') expect(values, 'a value for each path parameter').toBeDefined();
      if (values !== undefined) expect(issuesOf(schema, values), part).toEqual([]);
    }
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const name of pathParams) expect(request.params?.[name], `example of {${name}}`).toBeDefined();
  });

  it.each(byId)('%s has an example of each answer, valid by the response schema', (_id, op) => {
    for (const [status, spec] of Object.entries(op.responses)) {
      if (isPage(spec)) continue;
      if (!spec.schema && !spec.contentType) {
        // No body (a redirect): its headers are what the caller reads.
        expect(Object.keys(spec.headers ?? {}), `${status}: documented headers`).not.toEqual([]);
        continue;
      }
      const example = op.examples?.responses[Number(status)];
      expect(example, `${status} example`).toBeDefined();
      const schema = responseSchemaOf(spec);
      if (schema) expect(issuesOf(schema, example), `${status}`).toEqual([]);
      else expect(typeof example, `${status}: text`).toBe('string');
    }
  });

  it.each(byId)('%s documents the examples and every error code it can answer under its status', (_id, op) => {
    const entry = entryOf(op);
    if (op.request.body) expect(entry.requestBody.content['application/json'].example).toEqual(op.examples?.request?.body);
    for (const code of errorCodesOf(op)) {
      const response = entry.responses[String(ErrorCatalogue[code].status)];
      expect(response, `${code} → ${ErrorCatalogue[code].status}`).toBeDefined();
      const example = response.content['application/json'].examples[code].value;
      expect(issuesOf(ErrorResponseSchema, example)).toEqual([]);
      expect(example.error.code).toBe(code);
      expect(response.description).toContain(code);
    }
  });

  it('documents the 401 API Gateway itself answers on JWT routes, as it really is', () => {
    for (const op of Operations.filter((o) => requiresJwt(o.auth))) {
      const unauthorized = entryOf(op).responses['401'].content['application/json'];
      expect(unauthorized.examples.gateway.value).toEqual({ message: 'Unauthorized' });
      expect(unauthorized.schema.oneOf).toContainEqual(expect.objectContaining({ required: ['message'] }));
    }
  });

  it('names the server, the Accept-Language parameter and the error table', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.dichvucong.example.gov.vn', description: 'This deployment' }]);
    expect(doc.components.parameters.AcceptLanguage).toMatchObject({ in: 'header', name: 'Accept-Language' });
    for (const [code, entry] of Object.entries(ErrorCatalogue)) {
      expect(doc.info.description).toContain(`| \`${code}\` | ${entry.status} | ${entry.en} | ${entry.vi} |`);
    }
  });

  it('declares the signature headers of the signed webhooks and the VNPay query parameters', () => {
    const names = (path: string, method: string) => (doc.paths[path][method].parameters as { name?: string; in?: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(names('/v1/callbacks/vietqr', 'post')).toContain('header:x-signature');
    expect(names('/v1/callbacks/postal', 'post')).toContain('header:x-signature');
    expect(names('/v1/callbacks/zalo', 'post')).toContain('header:x-zevent-signature');
    for (const path of ['/v1/callbacks/vnpay/ipn', '/v1/callbacks/vnpay/return']) {
      expect(names(path, 'get')).toEqual(expect.arrayContaining(['query:vnp_TxnRef', 'query:vnp_Amount', 'query:vnp_ResponseCode', 'query:vnp_SecureHash']));
    }
  });
});
