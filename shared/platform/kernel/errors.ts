/**
 * Typed domain errors. The domain never speaks HTTP: the HTTP layer maps these classes to status
 * codes (shared/platform/http/error-mapping.ts), so a new error is one subclass here and, if it needs a new
 * status, one row there.
 */

/** A field-level problem, named by its JSON path as the client sent it (e.g. `inputs.pages`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details: readonly FieldIssue[];

  constructor(message: string, options: { details?: readonly FieldIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? [];
  }
}

/** The request is well-formed JSON of the right shape but a value is unacceptable. */
export class InvalidInputError extends DomainError {
  readonly code: string = 'VALIDATION_FAILED';
}

/** The request is valid but the business rules do not allow it in the current state. */
export class BusinessRuleError extends DomainError {
  readonly code: string = 'BUSINESS_RULE_VIOLATION';
}

/** The addressed resource does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code: string = 'NOT_FOUND';
}

/** The request conflicts with what is already recorded (idempotency, optimistic concurrency). */
export class ConflictError extends DomainError {
  readonly code: string = 'CONFLICT';
}

/** The caller is not authenticated, or the credential does not verify. */
export class AuthenticationError extends DomainError {
  readonly code: string = 'UNAUTHORIZED';
}

/** The caller is authenticated but not allowed to perform this action. */
export class ForbiddenError extends DomainError {
  readonly code: string = 'FORBIDDEN';
}

/**
 * An outside service the request needs (a payment provider) failed, refused or did not answer in
 * time: nothing was kept, and the same request may succeed later. Abstract: each subclass names the
 * service by its code, so the caller knows what was down.
 */
export abstract class UpstreamUnavailableError extends DomainError {}
