import * as z from 'zod';
import { ErrorResponseSchema } from './error';
import { requiresJwt, type OperationDefinition } from './operation';

type JsonObject = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, a wrong type, an unknown field or a bad value (details name the fields)',
  401: 'Missing, invalid or expired credential',
  403: 'The caller may not perform this operation',
  404: 'Not found (also for resources the caller may not see)',
  409: 'Conflicts with what is recorded',
  413: 'Body larger than the limit',
  415: 'Body is not application/json',
  422: 'Valid request that the business rules refuse',
  500: 'Internal error; the message carries a reference only',
};

/**
 * Collects zod `$defs` into `components.schemas` so that shared shapes are written once. A name used
 * with a different shape in input and output position gets an `Input` suffix.
 */
class SchemaCollector {
  readonly components: Record<string, JsonObject> = {};

  toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
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

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query' | 'header', collector: SchemaCollector) {
  if (!schema) return [];
  const json = collector.toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

export interface OpenApiOptions {
  readonly version: string;
  readonly serverUrl?: string;
}

/** The OpenAPI 3.1 document of the given operations, generated from their zod schemas only. */
export function buildOpenApiDocument(operations: readonly OperationDefinition[], options: OpenApiOptions): JsonObject {
  const collector = new SchemaCollector();
  const errorSchema = collector.toSchema(ErrorResponseSchema, 'output');
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const op of operations) {
    const responses: Record<string, JsonObject> = {};
    for (const [status, spec] of Object.entries(op.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: collector.toSchema(spec.schema, 'output') } } } : {}),
      };
    }
    const errorStatuses = new Set([400, 500, ...(requiresJwt(op.auth) ? [401, 403] : []), ...(op.errors ?? [])]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    const parameters = [
      ...parametersOf(op.request.params, 'path', collector),
      ...parametersOf(op.request.query, 'query', collector),
      ...parametersOf(op.request.headers, 'header', collector),
    ];
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [...op.tags],
      security: requiresJwt(op.auth) ? [{ bearerAuth: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.request.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: collector.toSchema(op.request.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'toantrinh API',
      version: options.version,
      description:
        'Online fees and postal return of results for public-service portals (level 4 / toàn trình). ' +
        'Money is integer VND; times are ISO-8601 UTC.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
