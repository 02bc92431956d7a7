import {
  AuthenticationError,
  BusinessRuleError,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UpstreamUnavailableError,
} from '../kernel/errors';

/** Protocol-level failures of a request, before any domain code runs. They know their status. */
export abstract class HttpProtocolError extends DomainError {
  abstract readonly statusCode: number;
}

export class MalformedJsonError extends HttpProtocolError {
  readonly code = 'MALFORMED_JSON';
  readonly statusCode = 400;
}

export class PayloadTooLargeError extends HttpProtocolError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly statusCode = 413;
}

export class UnsupportedMediaTypeError extends HttpProtocolError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly statusCode = 415;
}

type ErrorClass = abstract new (...args: never[]) => DomainError;

/** Domain error classes and the status each answers with; the first matching row wins. */
const STATUS_BY_CLASS: ReadonlyArray<readonly [ErrorClass, number]> = [
  [InvalidInputError, 400],
  [AuthenticationError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [BusinessRuleError, 422],
  // 502 Bad Gateway: we are up, the service behind us is not; the caller may try again.
  [UpstreamUnavailableError, 502],
];

/** The HTTP status of a domain error, or undefined for anything that must become a generic 500. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpProtocolError) return error.statusCode;
  if (!(error instanceof DomainError)) return undefined;
  return STATUS_BY_CLASS.find(([cls]) => error instanceof cls)?.[1];
}
