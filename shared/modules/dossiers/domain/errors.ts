import { ConflictError } from '../../../platform/kernel/errors';

export class DossierExistsError extends ConflictError {
  override readonly code = 'DOSSIER_EXISTS';
}

/** The event id was applied before: a redelivery, acknowledged without effect. */
export class DuplicateEventError extends ConflictError {
  override readonly code = 'DUPLICATE_EVENT';
}

/** The dossier changed between read and write; the caller reads again and retries. */
export class ConcurrentModificationError extends ConflictError {
  override readonly code = 'CONCURRENT_MODIFICATION';
}
