import type * as z from './zod';
import type { ErrorCode } from './error-catalogue';

/**
 * Who may call an operation. `public` and `signed` routes carry no JWT (`signed` callbacks are
 * authenticated by their own signatures); the others require a bearer JWT with that role.
 */
export type OperationAuth = 'public' | 'signed' | 'citizen' | 'agency' | 'citizen_or_agency' | 'city' | 'agency_or_city';

export interface ResponseSpec {
  readonly description: string;
  /**
   * Responses are not validated: only the OpenAPI document reads this. A function (from `lazily`,
   * shared/platform/kernel/lazy.ts) builds a schema only answers use when the document asks for it,
   * not at every import of the operation.
   */
  readonly schema?: z.ZodMiniType | (() => z.ZodMiniType);
  /** Defaults to application/json. */
  readonly contentType?: string;
  /** Response headers worth documenting (a redirect's Location), each with an example. */
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly example: string }>>;
}

/**
 * What the OpenAPI document shows an integrator: a realistic request (body, path, query and header
 * values as sent) and one answer per success status. A unit test parses each with its own schema.
 */
export interface OperationExamples {
  readonly request?: {
    readonly body?: unknown;
    readonly params?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
    readonly headers?: Readonly<Record<string, string>>;
  };
  /** Keyed by success status: a JSON value, or the text of a text response (CSV). */
  readonly responses: Readonly<Record<number, unknown>>;
}

export interface OperationRequest {
  readonly body?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly params?: z.ZodMiniType;
  readonly headers?: z.ZodMiniType;
}

/** One API operation: the single source of its validation, its types and its OpenAPI entry. */
export interface OperationDefinition {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly auth: OperationAuth;
  readonly request: OperationRequest;
  /** Success responses; the documented error responses are added for every operation. */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /**
   * Error codes (shared/platform/api/error-catalogue.ts) this operation can answer besides those every
   * operation of its kind can ({@link commonErrorCodes}); the catalogue gives each its status.
   */
  readonly errors?: readonly ErrorCode[];
  readonly examples?: OperationExamples;
}

/**
 * Declares an operation: `export const x = /* @__PURE__ *\/ defineOperation({…})`. The annotation lets
 * esbuild drop the operations a function does not serve, and with them their schemas and examples
 * (a top-level call may have effects, so without it every operation of an imported file stays).
 */
export function defineOperation<const T extends OperationDefinition>(operation: T): T {
  return operation;
}

export function requiresJwt(auth: OperationAuth): boolean {
  return auth === 'citizen' || auth === 'agency' || auth === 'citizen_or_agency' || auth === 'city' || auth === 'agency_or_city';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** `jwt`: API Gateway's JWT authorizer verifies issuer, audience and signature before the handler runs. */
export type RouteAuth = 'none' | 'jwt';

/**
 * Codes any operation of this shape can answer: bad input and internal errors always; with a JSON
 * body, its protocol errors; behind the JWT authorizer, a token without a role that fits.
 */
export function commonErrorCodes(operation: Pick<OperationDefinition, 'auth' | 'request'>): ErrorCode[] {
  return [
    'VALIDATION_FAILED',
    ...(operation.request.body ? (['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    ...(requiresJwt(operation.auth) ? (['UNAUTHORIZED', 'FORBIDDEN'] as const) : []),
    'INTERNAL_ERROR',
  ];
}

/** The schema of a response, built now if it is declared lazily. */
export function responseSchemaOf(spec: ResponseSpec): z.ZodMiniType | undefined {
  return typeof spec.schema === 'function' ? spec.schema() : spec.schema;
}

/** Every code an operation can answer, without repeats. */
export function errorCodesOf(operation: Pick<OperationDefinition, 'auth' | 'request' | 'errors'>): ErrorCode[] {
  return [...new Set([...commonErrorCodes(operation), ...(operation.errors ?? [])])];
}
