import { afterEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { createLogger, redactPersonalData } from '../../../../../shared/platform/observability/logger';

describe('Function: redactPersonalData', () => {
  it.each([
    ['citizenId', '001099012345'],
    ['phone', '0912345678'],
    ['fullName', 'Nguyễn Văn A'],
    ['address', { provinceCode: '31', street: '12 Lê Lợi' }],
    ['applicant', { citizenId: '001099012345' }],
    ['authorization', 'Bearer abc'],
  ])('hides the value under %s', (key, value) => {
    expect(redactPersonalData(key, value)).toBe('[redacted]');
  });

  it('hides citizen ids and phone numbers inside free text', () => {
    expect(redactPersonalData('message', 'dossier of 001099012345 reached +84912345678 and 0312345678')).toBe(
      'dossier of [redacted] reached [redacted] and [redacted]',
    );
  });

  it('keeps AWS identifiers that Powertools writes', () => {
    const arn = 'arn:aws:lambda:ap-southeast-1:123456789012:function:x';
    expect(redactPersonalData('function_arn', arn)).toBe(arn);
  });
});

describe('Class: Logger (as configured)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('writes no personal data whatever the caller passes', () => {
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const lines: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((line: unknown) => void lines.push(String(line)));
    const logger = createLogger();
    logger.info('registered dossier for 001099012345', {
      dossier: { applicant: { citizenId: '001099012345', fullName: 'Trần Thị B', phone: '0987654321' } },
      recipient: { fullName: 'Trần Thị B' },
      note: 'call 0987654321',
    });
    const output = lines.join('\n');
    expect(output).toContain('registered dossier');
    expect(output).not.toMatch(/001099012345|0987654321|Trần Thị B/);
  });
});

describe('Method: pinLogLevel', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('keeps the level over warm invocations, where setLogLevel alone is put back to the starting level', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const pinned = createLogger();
    const set = createLogger();
    pinned.pinLogLevel('WARN');
    set.setLogLevel('WARN');
    // What injectLambdaContext does before each invocation: the first is the cold start, then warm ones.
    for (let invocation = 0; invocation < 3; invocation++) {
      pinned.refreshSampleRateCalculation();
      set.refreshSampleRateCalculation();
    }
    expect(pinned.getLevelName()).toBe('WARN');
    expect(set.getLevelName()).toBe('INFO');
  });
});

describe('Method: writes', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['DEBUG', { DEBUG: true, INFO: true, WARN: true, ERROR: true }],
    ['INFO', { DEBUG: false, INFO: true, WARN: true, ERROR: true }],
    ['WARN', { DEBUG: false, INFO: false, WARN: true, ERROR: true }],
    ['SILENT', { DEBUG: false, INFO: false, WARN: false, ERROR: false }],
  ] as const)('at %s says which lines would be written', (level, expected) => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const logger = createLogger();
    logger.pinLogLevel(level);
    const seen = Object.fromEntries((['DEBUG', 'INFO', 'WARN', 'ERROR'] as const).map((l) => [l, logger.writes(l)]));
    expect(seen).toEqual(expected);
  });
});

describe('Method: resetKeys (after each request)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("still clears keys appended with appendKeys, and skips Powertools' reset when none were", () => {
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const lines: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((line: unknown) => void lines.push(String(line)));
    const logger = createLogger();
    const powertoolsReset = vi.spyOn(Logger.prototype, 'resetKeys');
    logger.appendKeys({ batch: 'b-1' });
    logger.info('with key');
    logger.resetKeys();
    logger.info('after reset');
    logger.resetKeys();
    expect(powertoolsReset).toHaveBeenCalledTimes(1);
    const [withKey, afterReset] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(withKey).toMatchObject({ message: 'with key', batch: 'b-1' });
    expect(afterReset).not.toHaveProperty('batch');
  });
});
