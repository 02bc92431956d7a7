import { InvalidInputError } from '../../../platform/kernel/errors';

/** A catalogue file that cannot be imported; every issue names the entry it is about. */
export class CatalogueImportError extends InvalidInputError {
  override readonly code = 'INVALID_CATALOGUE';
}
