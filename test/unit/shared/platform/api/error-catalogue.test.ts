import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorCatalogue, errorMessage, isErrorCode } from '../../../../../shared/platform/api/error-catalogue';
import { statusOf } from '../../../../../shared/platform/http/errors';
import {
  AuthenticationError,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UpstreamUnavailableError,
} from '../../../../../shared/platform/kernel/errors';
import { Operations } from '../../../../../shared/app/operations';
import { errorCodesOf } from '../../../../../shared/platform/api/operation';

const SHARED = fileURLToPath(new URL('../../../../../shared/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [path] : [];
  });
}

interface ScannedClass {
  readonly name: string;
  readonly parent: string;
  readonly codes: readonly string[];
  readonly statusCode?: number;
  readonly file: string;
}

const CLASS = /(?:export\s+)?(?:abstract\s+)?class\s+(\w+)(?:<[^>]*>)?\s+extends\s+(\w+)/g;
const CODE_FIELD = /\bcode(?:\s*:\s*string)?\s*=\s*'([A-Z][A-Z0-9_]+)'/g;

/**
 * Reads shared/ as text, the way a reviewer would: every class with its parent and the codes its body
 * assigns, every state machine's error code, and the codes the HTTP layer writes itself.
 */
function scanSource() {
  const classes = new Map<string, ScannedClass>();
  const machineCodes = new Map<string, string>();
  const httpLayerCodes = new Map<string, string>();
  for (const path of sourceFiles(SHARED)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(SHARED, path);
    const starts = [...text.matchAll(CLASS)];
    starts.forEach((match, i) => {
      const body = text.slice(match.index, starts[i + 1]?.index ?? text.length);
      const statusCode = /\bstatusCode\s*=\s*(\d{3})/.exec(body)?.[1];
      classes.set(match[1]!, {
        name: match[1]!,
        parent: match[2]!,
        codes: [...body.matchAll(CODE_FIELD)].map((m) => m[1]!),
        ...(statusCode ? { statusCode: Number(statusCode) } : {}),
        file,
      });
    });
    for (const m of text.matchAll(/\berrorCode:\s*'([A-Z][A-Z0-9_]+)'/g)) machineCodes.set(m[1]!, file);
    if (file.startsWith('platform/http/')) for (const m of text.matchAll(/\bcode:\s*'([A-Z][A-Z0-9_]+)'/g)) httpLayerCodes.set(m[1]!, file);
  }
  return { classes, machineCodes, httpLayerCodes };
}

const BASE_STATUS = new Map<string, number | undefined>(
  [InvalidInputError, BusinessRuleError, NotFoundError, ConflictError, AuthenticationError, ForbiddenError].map((cls) => [cls.name, statusOf(new cls('x'))]),
);
/** An abstract base answers through its subclasses: its status is read off one made up here. */
class SomeServiceDown extends UpstreamUnavailableError {
  readonly code = 'SOME_SERVICE_DOWN';
}
BASE_STATUS.set(UpstreamUnavailableError.name, statusOf(new SomeServiceDown('x')));

function isDomainError(name: string, classes: Map<string, ScannedClass>): boolean {
  for (let current: string | undefined = name; current; current = classes.get(current)?.parent) {
    if (current === 'DomainError') return true;
  }
  return false;
}

function statusOfClass(name: string, classes: Map<string, ScannedClass>): number | undefined {
  for (let current: string | undefined = name; current; current = classes.get(current)?.parent) {
    const scanned = classes.get(current);
    if (scanned?.statusCode !== undefined) return scanned.statusCode;
    if (BASE_STATUS.has(current)) return BASE_STATUS.get(current);
  }
  return undefined;
}

/** Every error code shared/ can answer, with the status its class (or the HTTP layer) gives it. */
function codesInSource(): Map<string, { status: number | undefined; where: string }> {
  const { classes, machineCodes, httpLayerCodes } = scanSource();
  const found = new Map<string, { status: number | undefined; where: string }>();
  for (const scanned of classes.values()) {
    if (!isDomainError(scanned.name, classes)) continue;
    for (const code of scanned.codes) found.set(code, { status: statusOfClass(scanned.name, classes), where: `${scanned.file} (${scanned.name})` });
  }
  const transition = statusOfClass('InvalidStateTransitionError', classes);
  for (const [code, file] of machineCodes) found.set(code, { status: transition, where: `${file} (state machine)` });
  for (const [code, file] of httpLayerCodes) found.set(code, { status: 500, where: file });
  return found;
}

describe('Error catalogue: one table of every code', () => {
  const inSource = codesInSource();

  it('finds the codes of the kernel, the HTTP layer, the state machines and the modules (the scan works)', () => {
    for (const code of ['VALIDATION_FAILED', 'MALFORMED_JSON', 'INTERNAL_ERROR', 'INVALID_PAYMENT_TRANSITION', 'MISSING_INPUT', 'DOSSIER_EXISTS']) {
      expect(inSource.has(code), code).toBe(true);
    }
  });

  it('has every code a DomainError subclass, a state machine or the HTTP layer of shared/ can carry', () => {
    const missing = [...inSource].filter(([code]) => !isErrorCode(code)).map(([code, { where }]) => `${code} from ${where}`);
    expect(missing).toEqual([]);
  });

  it('has no entry that nothing in shared/ uses', () => {
    expect(ERROR_CODES.filter((code) => !inSource.has(code))).toEqual([]);
  });

  it('gives each code the HTTP status its class answers with', () => {
    const wrong = ERROR_CODES.filter((code) => inSource.has(code) && inSource.get(code)!.status !== ErrorCatalogue[code].status).map(
      (code) => `${code}: table ${ErrorCatalogue[code].status}, class ${inSource.get(code)!.status}`,
    );
    expect(wrong).toEqual([]);
  });

  it.each(ERROR_CODES)('%s has an English and a proper Vietnamese message', (code) => {
    const { en, vi } = ErrorCatalogue[code];
    expect(en.length).toBeGreaterThan(5);
    expect(vi).not.toBe(en);
    // Vietnamese with its diacritics, not ASCII transliteration.
    expect(vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
    expect(vi.match(/\{\w+\}/g) ?? []).toEqual(en.match(/\{\w+\}/g) ?? []);
  });

  it('fills placeholders and knows nothing of codes outside the table', () => {
    expect(errorMessage('INTERNAL_ERROR', 'vi', { reference: 'r-1' })).toBe('Đã xảy ra lỗi hệ thống (mã tham chiếu r-1)');
    expect(errorMessage('NOT_A_CODE', 'en')).toBeUndefined();
  });

  it('lists under every operation only codes of the table', () => {
    const unknown = Operations.flatMap((op) => errorCodesOf(op).filter((code) => !isErrorCode(code)).map((code) => `${op.operationId}: ${code}`));
    expect(unknown).toEqual([]);
  });
});
