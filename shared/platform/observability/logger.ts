import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger, LogLevelThreshold, type LogItem } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';

/**
 * Keys whose values are personal data (Decree 13/2023 on personal data protection). Whatever path a
 * value takes into a log entry, under one of these keys it is written as "[redacted]".
 */
const PERSONAL_KEYS = new Set([
  'citizenid',
  'sub',
  'phone',
  'fullname',
  'email',
  'address',
  'street',
  'recipient',
  'applicant',
  'authorization',
  'evidenceref',
]);

/** Numbers that look like a citizen id (12 digits) or a Vietnamese phone, inside free text. */
const PERSONAL_PATTERNS = [/\b\d{12}\b/g, /(?:\+?84|\b0)[35789]\d{8}\b/g];

export function redactText(text: string): string {
  return PERSONAL_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, '[redacted]'), text);
}

/** Keys Powertools itself writes whose values are identifiers of AWS resources, never personal data. */
const SYSTEM_KEYS = new Set(['function_arn', 'function_request_id', 'xray_trace_id', 'correlation_id', 'timestamp']);

/** JSON replacer applied to every log entry before it is written. */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (key !== '' && PERSONAL_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string' && !SYSTEM_KEYS.has(key)) return redactText(value);
  return value;
}

/** What belongs to one request only. A fresh object per request: nothing is carried over. */
interface RequestScope {
  correlationId?: string;
  /** Keys written on every line of this request (the dossier it concerns), gone when it ends. */
  keys?: Record<string, string>;
}

/** Where the current request's scope lives: `run` makes `scope` current for `fn` and what it awaits. */
interface ScopeStore {
  run<T>(scope: RequestScope, fn: () => T): T;
  getStore(): RequestScope | undefined;
}

/**
 * One slot, for a process that runs one invocation at a time (a standard Lambda execution
 * environment): the scope of the invocation running is the only one. The slot is emptied when the
 * invocation settles, unless another one has taken it since.
 */
class SingleInvocationScope implements ScopeStore {
  #current: RequestScope | undefined;

  run<T>(scope: RequestScope, fn: () => T): T {
    this.#current = scope;
    const release = () => {
      if (this.#current === scope) this.#current = undefined;
    };
    let result: T;
    try {
      result = fn();
    } catch (error) {
      release();
      throw error;
    }
    if (result instanceof Promise) result.then(release, release);
    else release();
    return result;
  }

  getStore(): RequestScope | undefined {
    return this.#current;
  }
}

/**
 * How request scopes are kept in this environment. The logger is one object per module, and the
 * local runtime (like a Lambda managed instance, which sets AWS_LAMBDA_MAX_CONCURRENCY) runs several
 * requests of one handler at once: a key appended to the logger would be seen by every request in
 * flight, so there each request's scope lives in its async context (AsyncLocalStorage). A standard
 * Lambda runs one invocation at a time, where one slot does the same; AsyncLocalStorage there would
 * make every promise of the process pay an async hook (about 5 µs of a fee quote's ~25 µs in-process).
 * Powertools' own invoke store makes the same choice.
 */
export function scopeStoreFor(env: NodeJS.ProcessEnv): ScopeStore {
  const oneInvocationAtATime = env.AWS_LAMBDA_FUNCTION_NAME !== undefined && env.AWS_LAMBDA_MAX_CONCURRENCY === undefined;
  return oneInvocationAtATime ? new SingleInvocationScope() : new AsyncLocalStorage<RequestScope>();
}

const requestScopes = scopeStoreFor(process.env);

/** Runs `fn` (one request) in a log context of its own. */
export function inRequestScope<T>(fn: () => T): T {
  return requestScopes.run({}, fn);
}

/** Sets the correlation id of the current request's log lines; false when called outside a request. */
export function setRequestCorrelationId(correlationId: string): boolean {
  const scope = requestScopes.getStore();
  if (!scope) return false;
  scope.correlationId = correlationId;
  return true;
}

export function requestCorrelationId(): string | undefined {
  return requestScopes.getStore()?.correlationId;
}

/**
 * Adds keys to every later log line of the current request only: the request-scoped twin of
 * Powertools' persistent keys (`appendKeys`), which one module-wide logger would share between the
 * requests a process runs at once. Cleared with the request; false when called outside one.
 */
export function appendRequestKeys(keys: Readonly<Record<string, string>>): boolean {
  const scope = requestScopes.getStore();
  if (!scope) return false;
  scope.keys = { ...scope.keys, ...keys };
  return true;
}

/** Powertools' logger that writes the current request's correlation id on each line. */
class RequestScopedLogger extends Logger {
  #pinnedLevel: LogLevel | undefined;
  #temporaryKeysAppended = false;

  /**
   * Sets the level for every later invocation too. Powertools' `setLogLevel` lasts one invocation:
   * on each warm one, the log context middleware (as Powertools' `injectLambdaContext`) refreshes
   * the debug sampling, which puts back the level the logger was built with (POWERTOOLS_LOG_LEVEL). A process that sets its level after the
   * modules are loaded (the local runtime, the bench) pins it instead.
   */
  pinLogLevel(level: LogLevel): void {
    this.#pinnedLevel = level;
    this.setLogLevel(level);
  }

  /**
   * A pinned level wins over the debug sampling and the starting level alike, so with one there is
   * nothing to recompute: Powertools' own refresh (a level-name lookup and two level writes, about a
   * microsecond on every invocation) is skipped.
   */
  override refreshSampleRateCalculation(): void {
    if (this.#pinnedLevel !== undefined) this.setLogLevel(this.#pinnedLevel);
    else super.refreshSampleRateCalculation();
  }

  /**
   * Whether a line of `level` would be written now. A caller that builds a line (the access log)
   * asks first, so a suppressed line costs neither its fields nor Powertools' checks of the
   * environment on every call.
   */
  writes(level: Exclude<LogLevel, 'SILENT' | 'silent'>): boolean {
    return LogLevelThreshold[level.toUpperCase() as keyof typeof LogLevelThreshold] >= this.level;
  }

  /**
   * The log context middleware (as Powertools' `injectLambdaContext({ resetKeys: true })`) clears
   * Powertools' temporary keys after every request, which reads the environment three times; the project's own keys are request-scoped
   * ({@link appendRequestKeys}), so the reset runs only after someone appended keys.
   */
  override appendKeys(attributes: Parameters<Logger['appendKeys']>[0]): void {
    this.#temporaryKeysAppended = true;
    super.appendKeys(attributes);
  }

  override resetKeys(): void {
    if (!this.#temporaryKeysAppended) return;
    this.#temporaryKeysAppended = false;
    super.resetKeys();
  }

  protected override createAndPopulateLogItem(...args: Parameters<Logger['createAndPopulateLogItem']>): LogItem {
    const item = super.createAndPopulateLogItem(...args);
    const scope = requestScopes.getStore();
    if (scope?.keys) item.addAttributes(scope.keys);
    return scope?.correlationId === undefined ? item : item.addAttributes({ correlation_id: scope.correlationId });
  }

  protected override createLogger(options?: ConstructorParameters<typeof Logger>[0]): Logger {
    return new RequestScopedLogger(options);
  }
}

export function createLogger(): RequestScopedLogger {
  return new RequestScopedLogger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'toantrinh',
    jsonReplacerFn: redactPersonalData,
  });
}

export const logger = createLogger();
