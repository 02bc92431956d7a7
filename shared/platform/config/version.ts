import { optionalEnv } from './env';

/** The deployed version, set by the build (SERVICE_VERSION); `dev` otherwise. */
export function serviceVersion(): string {
  return optionalEnv('SERVICE_VERSION', 'dev');
}
