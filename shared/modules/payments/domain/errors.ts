import { ConflictError, UpstreamUnavailableError } from '../../../platform/kernel/errors';

/** The provider's transaction id is already recorded on a payment: a replay, never applied twice. */
export class DuplicateTransactionError extends ConflictError {
  override readonly code = 'DUPLICATE_TRANSACTION';
}

/**
 * The provider did not start the payment (unreachable, timed out, a 5xx, refused, or no usable
 * payment page): a 502, and nothing is kept, so the same request (same Idempotency-Key) may be sent
 * again, or another provider chosen.
 */
export class ProviderUnavailableError extends UpstreamUnavailableError {
  readonly code = 'PROVIDER_UNAVAILABLE';
  constructor(provider: string, why: string) {
    super(`${provider} did not start the payment: ${why}`, {
      details: [{ path: 'provider', message: `${provider} did not start the payment; try again in a few minutes or choose another provider` }],
    });
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  override readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was used with another request body', {
      details: [{ path: 'Idempotency-Key', message: 'already used with a different body' }],
    });
  }
}

export class IdempotentRequestInProgressError extends ConflictError {
  override readonly code = 'REQUEST_IN_PROGRESS';
  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry shortly');
  }
}
