import { execFileSync, spawnSync } from 'node:child_process';

/** CI always has poppler's pdftotext (.ci/run installs it); a developer machine without it skips those checks visibly. */
export const pdfTextAvailable = process.env.CI === 'true' || spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF as a reader extracts it (diacritics included), through poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
}
