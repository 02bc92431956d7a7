import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** What every invocation of one function shares: built once per function, not per request. */
interface FunctionIdentity {
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
}

const identities = new Map<string, FunctionIdentity>();

function identityOf(functionName: string, memoryMb: number): FunctionIdentity {
  const key = `${functionName}/${memoryMb}`;
  let identity = identities.get(key);
  if (!identity) {
    identity = {
      invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:${functionName}`,
      memoryLimitInMB: String(memoryMb),
      logGroupName: `/aws/lambda/${functionName}`,
    };
    identities.set(key, identity);
  }
  return identity;
}

/**
 * A Lambda context for a local invocation, with the deadline the deployed function would have. A
 * class, so one is a few fields per invocation: its methods live on the prototype, and (under tsx,
 * which names every function it creates) no closure is defined and named per request. The function's
 * ARN, memory and log group are looked up, not built, per invocation.
 */
class LocalLambdaContext implements Context {
  readonly callbackWaitsForEmptyEventLoop = false;
  readonly functionVersion = '$LATEST';
  readonly awsRequestId = randomUUID();
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Own and bound: middy calls it detached from the context. */
  readonly getRemainingTimeInMillis: () => number;

  constructor(
    readonly functionName: string,
    timeoutSeconds: number,
    memoryMb: number,
  ) {
    const deadline = Date.now() + timeoutSeconds * 1000;
    const identity = identityOf(functionName, memoryMb);
    this.invokedFunctionArn = identity.invokedFunctionArn;
    this.memoryLimitInMB = identity.memoryLimitInMB;
    this.logGroupName = identity.logGroupName;
    this.logStreamName = `local/${this.awsRequestId}`;
    this.getRemainingTimeInMillis = remainingUntil.bind(undefined, deadline);
  }

  done(): void {}
  fail(): void {}
  succeed(): void {}
}

function remainingUntil(deadline: number): number {
  return Math.max(0, deadline - Date.now());
}

export function lambdaContext(functionName: string, timeoutSeconds: number, memoryMb = 512): Context {
  return new LocalLambdaContext(functionName, timeoutSeconds, memoryMb);
}

export type LambdaHandler<E, R> = (event: E, context: Context) => Promise<R>;

export class LambdaTimeoutError extends Error {}

interface Deadline {
  readonly at: number;
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly reject: (error: Error) => void;
}

const deadlines = new Set<Deadline>();
let sweeper: NodeJS.Timeout | undefined;

/** One timer checks every running invocation: a timer per request would cost more than the request. */
function watch(deadline: Deadline): void {
  deadlines.add(deadline);
  sweeper ??= setInterval(() => {
    const now = Date.now();
    for (const d of deadlines) {
      if (d.at > now) continue;
      deadlines.delete(d);
      d.reject(new LambdaTimeoutError(`${d.functionName} timed out after ${d.timeoutSeconds} s`));
    }
    if (deadlines.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, 50).unref();
}

/**
 * Invokes a handler and fails it when it outlives its configured timeout, as Lambda would. One
 * promise per invocation, settled by whichever comes first: the handler or the sweeper.
 */
export function invokeWithTimeout<E, R>(handler: LambdaHandler<E, R>, event: E, context: Context, timeoutSeconds: number): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const deadline: Deadline = { at: Date.now() + timeoutSeconds * 1000, functionName: context.functionName, timeoutSeconds, reject };
    watch(deadline);
    let invocation: Promise<R>;
    try {
      invocation = Promise.resolve(handler(event, context));
    } catch (error) {
      deadlines.delete(deadline);
      reject(error);
      return;
    }
    invocation.then(
      (result) => {
        deadlines.delete(deadline);
        resolve(result);
      },
      (error: unknown) => {
        deadlines.delete(deadline);
        reject(error);
      },
    );
  });
}
