import type { z } from 'zod';

/**
 * Who may call an operation. `public` and `signed` routes carry no JWT (`signed` callbacks are
 * authenticated by their own signatures); the others require a bearer JWT with that role.
 */
export type OperationAuth = 'public' | 'signed' | 'citizen' | 'agency' | 'citizen_or_agency' | 'city' | 'agency_or_city';

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

export interface OperationRequest {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  readonly headers?: z.ZodType;
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
  /** Error statuses this operation can answer besides 400 and 500. */
  readonly errors?: readonly number[];
}

export function defineOperation<const T extends OperationDefinition>(operation: T): T {
  return operation;
}

export function requiresJwt(auth: OperationAuth): boolean {
  return auth === 'citizen' || auth === 'agency' || auth === 'citizen_or_agency' || auth === 'city' || auth === 'agency_or_city';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** `jwt`: API Gateway's JWT authorizer verifies issuer, audience and signature before the handler runs. */
export type RouteAuth = 'none' | 'jwt';
