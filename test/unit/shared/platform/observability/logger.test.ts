import { afterEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createLogger, redactPersonalData, scopeStoreFor } from '../../../../../shared/platform/observability/logger';

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

describe('Function: scopeStoreFor', () => {
  it.each([
    ['a standard Lambda (one invocation at a time)', { AWS_LAMBDA_FUNCTION_NAME: 'toantrinh-prod-QuoteFees' }, false],
    ['a Lambda managed instance (several at once)', { AWS_LAMBDA_FUNCTION_NAME: 'toantrinh-prod-QuoteFees', AWS_LAMBDA_MAX_CONCURRENCY: '8' }, true],
    ['the local runtime and tests (outside Lambda)', {}, true],
  ])('keeps scopes in async contexts only where requests overlap: %s', (_case, env, concurrent) => {
    expect(scopeStoreFor(env) instanceof AsyncLocalStorage).toBe(concurrent);
  });

  it('gives a standard Lambda invocation its scope through its awaits and empties it when the invocation settles', async () => {
    const store = scopeStoreFor({ AWS_LAMBDA_FUNCTION_NAME: 'toantrinh-prod-QuoteFees' });
    const scope = { correlationId: 'c-1' };
    const seen: unknown[] = [];
    const invocation = store.run(scope, async () => {
      seen.push(store.getStore());
      await new Promise((r) => setTimeout(r, 1));
      seen.push(store.getStore());
      return 'answer';
    });
    await expect(invocation).resolves.toBe('answer');
    expect(seen).toEqual([scope, scope]);
    expect(store.getStore()).toBeUndefined();
  });

  it('empties the slot after a failed invocation, sync or async, and leaves a later invocation its own', async () => {
    const store = scopeStoreFor({ AWS_LAMBDA_FUNCTION_NAME: 'toantrinh-prod-QuoteFees' });
    expect(() => store.run({ correlationId: 'sync' }, () => { throw new Error('boom'); })).toThrow('boom');
    expect(store.getStore()).toBeUndefined();
    let release!: () => void;
    const first = store.run({ correlationId: 'first' }, () => new Promise<void>((_r, reject) => (release = () => reject(new Error('late')))));
    const second = { correlationId: 'second' };
    store.run(second, () => new Promise(() => undefined));
    release();
    await expect(first).rejects.toThrow('late');
    // The first invocation settling does not take the slot from the one that holds it now.
    expect(store.getStore()).toBe(second);
  });
});
