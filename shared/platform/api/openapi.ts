import * as z from './zod';
import { ErrorResponseSchema } from './error';
import { ErrorCatalogue, type ErrorCode } from './error-catalogue';
import { errorCodesOf, requiresJwt, responseSchemaOf, type OperationDefinition } from './operation';
import { apiDescription, ERROR_STATUS_DESCRIPTIONS, exampleErrorOf } from './openapi-description';
import type { WebhookDefinition } from './webhook';

type JsonObject = Record<string, unknown>;

/**
 * Collects zod `$defs` into `components.schemas` so that shared shapes are written once. A name used
 * with a different shape in input and output position gets an `Input` suffix.
 */
class SchemaCollector {
  readonly components: Record<string, JsonObject> = {};

  toSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
    const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
    const defs = (json.$defs ?? {}) as Record<string, JsonObject>;
    const renames: Record<string, string> = {};
    for (const [name, def] of Object.entries(defs)) {
      const existing = this.components[name];
      const target = existing && JSON.stringify(existing) !== JSON.stringify(def) ? `${name}Input` : name;
      renames[name] = target;
    }
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== 'object') return node;
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(node as JsonObject)) {
        if (key === '$schema' || key === '$defs') continue;
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          const name = value.slice('#/$defs/'.length);
          out.$ref = `#/components/schemas/${renames[name] ?? name}`;
        } else out[key] = rewrite(value);
      }
      return out;
    };
    for (const [name, def] of Object.entries(defs)) this.components[renames[name]!] = rewrite(def) as JsonObject;
    return rewrite(json) as JsonObject;
  }
}

function parametersOf(
  schema: z.ZodMiniType | undefined,
  location: 'path' | 'query' | 'header',
  collector: SchemaCollector,
  examples: Readonly<Record<string, string>> = {},
) {
  if (!schema) return [];
  const top = collector.toSchema(schema, 'input');
  // A named schema comes back as a reference: its properties are the parameters.
  const ref = typeof top.$ref === 'string' ? top.$ref.replace('#/components/schemas/', '') : undefined;
  const json = ref ? (collector.components[ref] ?? top) : top;
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
    ...(examples[name] !== undefined ? { example: examples[name] } : {}),
  }));
}

/** What API Gateway's JWT authorizer answers for a missing, invalid or expired token, before any function runs. */
const GATEWAY_UNAUTHORIZED_SCHEMA = {
  type: 'object',
  description: 'The body of API Gateway\u2019s own 401 (JWT authorizer), not the error shape',
  properties: { message: { type: 'string', const: 'Unauthorized' } },
  required: ['message'],
  additionalProperties: false,
};

const ACCEPT_LANGUAGE_PARAMETER = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'Language of error messages: `vi` (or `vi-VN`, weighted with q-values) for Vietnamese, English otherwise. Codes never change.',
  schema: { type: 'string' },
  example: 'vi-VN,vi;q=0.9,en;q=0.8',
};

/** The error responses of an operation: one per status, one example per code it can answer. */
function errorResponses(op: OperationDefinition, errorSchema: JsonObject): Record<string, JsonObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(op)) {
    const status = ErrorCatalogue[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const examples: Record<string, JsonObject> = Object.fromEntries(
      codes.map((code) => [code, { summary: ErrorCatalogue[code].en.replace(' (reference {reference})', ''), value: exampleErrorOf(code) }]),
    );
    const codesText = codes.map((c) => `\`${c}\``).join(', ');
    const gateway = status === 401 && requiresJwt(op.auth);
    responses[String(status)] = {
      description: gateway
        ? `${ERROR_STATUS_DESCRIPTIONS[401]}. A missing, invalid or expired token is refused by API Gateway's JWT authorizer with \`{"message":"Unauthorized"}\` before the function runs; a verified token whose claims name no role gets the error shape (${codesText}).`
        : `${ERROR_STATUS_DESCRIPTIONS[status] ?? 'Error'}. Codes: ${codesText}.`,
      ...(gateway ? { headers: { 'WWW-Authenticate': { description: 'Bearer challenge of the JWT authorizer', schema: { type: 'string' } } } } : {}),
      content: {
        'application/json': {
          schema: gateway ? { oneOf: [GATEWAY_UNAUTHORIZED_SCHEMA, errorSchema] } : errorSchema,
          examples: gateway
            ? { gateway: { summary: 'API Gateway JWT authorizer: missing, invalid or expired token', value: { message: 'Unauthorized' } }, ...examples }
            : examples,
        },
      },
    };
  }
  return responses;
}

function successResponses(op: OperationDefinition, collector: SchemaCollector): Record<string, JsonObject> {
  const responses: Record<string, JsonObject> = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    const example = op.examples?.responses[Number(status)];
    const contentType = spec.contentType ?? 'application/json';
    const schema = responseSchemaOf(spec);
    const content = schema || spec.contentType
      ? {
          content: {
            [contentType]: {
              ...(schema ? { schema: collector.toSchema(schema, 'output') } : { schema: { type: 'string' } }),
              ...(example !== undefined ? { example } : {}),
            },
          },
        }
      : {};
    const headers = spec.headers
      ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([name, h]) => [name, { description: h.description, schema: { type: 'string' }, example: h.example }])) }
      : {};
    responses[status] = { description: spec.description, ...headers, ...content };
  }
  return responses;
}

/** A tag as the reference shows it: a display name and a description above its operations. */
export interface TagDefinition {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
}

export interface OpenApiOptions {
  readonly version: string;
  /** Where this document is served from (the deployment's or the local runtime's origin). */
  readonly serverUrl?: string;
  /** Markdown placed in `info.description` between the introduction and the error table (headings become the reference's menu). */
  readonly guide?: string;
  /** Requests we send to the integrator (OpenAPI 3.1 `webhooks`). */
  readonly webhooks?: readonly WebhookDefinition[];
  /** Tags in the order the reference lists them, with display names and descriptions. */
  readonly tags?: readonly TagDefinition[];
}

/** A webhook as the integrator implements it: our headers and body, and what its answers make us do. */
function webhookEntry(webhook: WebhookDefinition, collector: SchemaCollector): JsonObject {
  const example = webhook.examples.request;
  return {
    operationId: webhook.operationId,
    summary: webhook.summary,
    ...(webhook.description ? { description: webhook.description } : {}),
    tags: [...webhook.tags],
    parameters: parametersOf(webhook.request.headers, 'header', collector, example.headers),
    requestBody: {
      required: true,
      content: { 'application/json': { schema: collector.toSchema(webhook.request.body, 'output'), example: example.body } },
    },
    responses: Object.fromEntries(Object.entries(webhook.responses).map(([status, spec]) => [status, { description: spec.description }])),
  };
}

/** The OpenAPI 3.1 document of the given operations, generated from their zod schemas only. */
export function buildOpenApiDocument(operations: readonly OperationDefinition[], options: OpenApiOptions): JsonObject {
  const collector = new SchemaCollector();
  const errorSchema = collector.toSchema(ErrorResponseSchema, 'output');
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const op of operations) {
    const requestExamples = op.examples?.request ?? {};
    const parameters = [
      ...parametersOf(op.request.params, 'path', collector, requestExamples.params),
      ...parametersOf(op.request.query, 'query', collector, requestExamples.query),
      ...parametersOf(op.request.headers, 'header', collector, requestExamples.headers),
      { $ref: '#/components/parameters/AcceptLanguage' },
    ];
    const body = op.request.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: collector.toSchema(op.request.body, 'input'),
                ...(requestExamples.body !== undefined ? { example: requestExamples.body } : {}),
              },
            },
          },
        }
      : {};
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [...op.tags],
      security: requiresJwt(op.auth) ? [{ bearerAuth: [] }] : [],
      parameters,
      ...body,
      responses: { ...successResponses(op, collector), ...errorResponses(op, errorSchema) },
    };
  }
  const webhooks: Record<string, Record<string, JsonObject>> = {};
  for (const webhook of options.webhooks ?? []) webhooks[webhook.name] = { [webhook.method.toLowerCase()]: webhookEntry(webhook, collector) };
  const tags = (options.tags ?? []).map((tag) => ({
    name: tag.name,
    ...(tag.displayName ? { 'x-displayName': tag.displayName } : {}),
    ...(tag.description ? { description: tag.description } : {}),
  }));
  return {
    openapi: '3.1.0',
    info: { title: 'toantrinh API', version: options.version, description: apiDescription(options.guide) },
    servers: [options.serverUrl ? { url: options.serverUrl, description: 'This deployment' } : { url: '/', description: 'The origin that serves this document' }],
    ...(tags.length > 0 ? { tags } : {}),
    paths,
    ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
    components: {
      schemas: collector.components,
      parameters: { AcceptLanguage: ACCEPT_LANGUAGE_PARAMETER },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Verified by API Gateway\u2019s JWT authorizer (issuer, audience); it answers 401 {"message":"Unauthorized"} itself.',
        },
      },
    },
  };
}
