// Planted violation: deployable code importing the local runtime.
import { devOnly } from '../local/dev';

export const handler = (): string => devOnly;
