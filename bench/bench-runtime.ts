import { resolve } from 'node:path';
import { REPO_ROOT, startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../local/runtime';

/**
 * The local runtime every bench tool measures: on a free port, the catalogue seeded, quiet logs, no
 * scheduled functions (they would add load of their own to the figures).
 */
export function startBenchRuntime(options: Partial<LocalRuntimeOptions> = {}): Promise<LocalRuntime> {
  return startLocalRuntime({ port: 0, seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'), logLevel: 'WARN', pollWaitSeconds: 1, scheduleIntervalMs: 0, ...options });
}
