import { ConflictError } from '../../../platform/kernel/errors';

export class DossierExistsError extends ConflictError {
  override readonly code = 'DOSSIER_EXISTS';
}

/** The event id was applied before: a redelivery, acknowledged without effect. */
export class DuplicateEventError extends ConflictError {
  override readonly code = 'DUPLICATE_EVENT';
}
