import { ConflictError } from '../../../platform/kernel/errors';

/** The provider's transaction id is already recorded on a payment: a replay, never applied twice. */
export class DuplicateTransactionError extends ConflictError {
  override readonly code = 'DUPLICATE_TRANSACTION';
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
