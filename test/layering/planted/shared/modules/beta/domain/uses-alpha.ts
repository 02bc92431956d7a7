// Planted violation: a domain running another module's code (types alone would be allowed).
import { rule } from '../../alpha';

export const usesAlpha = (): void => rule();
