// Planted violation: reaching into another module's internals instead of its index.
import { rule } from '../../alpha/domain/rule';

export const steal = (): void => rule();
