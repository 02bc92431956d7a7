import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { logger } from '../../shared/platform/observability/logger';

/** What the logger wrote in the current test: each line parsed, or all of it as written. */
export interface CapturedLog {
  readonly lines: () => Record<string, unknown>[];
  readonly text: () => string;
}

/**
 * Captures, in each test of the calling file, what the logger writes at INFO and above. The test run is SILENT (vitest.config.ts), so the file's logger (a fresh module per file) is
 * pinned to INFO: a pinned level holds across invocations, which otherwise put back the level the
 * logger was built with.
 */
export function captureLogLines(): CapturedLog {
  let written: string[] = [];
  beforeAll(() => logger.pinLogLevel('INFO'));
  afterAll(() => logger.pinLogLevel((process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT') as LogLevel));
  beforeEach(() => {
    written = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => vi.restoreAllMocks());
  return { lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>), text: () => written.join('\n') };
}
