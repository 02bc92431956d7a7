import { readFile } from 'node:fs/promises';
import { scriptHashSource } from '../../platform/http/html-page';
import { REDOC_VERSION } from './redoc.generated';

/** Redoc's standalone script and its licences, beside this module (`npm run docs:assets` writes them). */
export const REDOC_FILES = { script: 'redoc.standalone.js', licences: 'redoc.standalone.js.LICENSE.txt' } as const;

/** The script /docs inlines, and the CSP source that allows it. */
export interface RedocScript {
  readonly version: string;
  readonly js: string;
  readonly hashSource: string;
}

/**
 * Reads Redoc's script (1.1 MB) from its file rather than from a string in the code: held in the
 * bundle, V8 scanned it at every cold start of DocsPage although only a GET /docs uses it.
 * `import.meta.url` is the bundle's in the Lambda (/var/task/index.mjs; the function's `files` put the
 * script beside it) and this module's when run from source (tsx, vitest), where docs:assets wrote it.
 */
export async function readRedocScript(): Promise<RedocScript> {
  const js = await readFile(new URL(REDOC_FILES.script, import.meta.url), 'utf8');
  return { version: REDOC_VERSION, js, hashSource: scriptHashSource(js) };
}
