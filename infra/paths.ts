import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Function entries in shared/app/functions.ts are relative to the repository root, and the CLI,
 * vitest and tsx all start from different working directories, so anchor on this file instead.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LOCK_FILE = path.join(REPO_ROOT, 'package-lock.json');

export function fromRepoRoot(relativePath: string): string {
  return path.resolve(REPO_ROOT, relativePath);
}
