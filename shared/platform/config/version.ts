import { optionalEnv, type SettingValues } from './env';

/** The deployed version, set by the build (SERVICE_VERSION); `dev` otherwise. */
export function serviceVersion(env: SettingValues): string {
  return optionalEnv('SERVICE_VERSION', 'dev', env);
}
