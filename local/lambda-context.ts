import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** A Lambda context for a local invocation, with the deadline the deployed function would have. */
export function lambdaContext(functionName: string, timeoutSeconds: number, memoryMb = 512): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type LambdaHandler<E, R> = (event: E, context: Context) => Promise<R>;

export class LambdaTimeoutError extends Error {}

interface Deadline {
  readonly at: number;
  readonly fail: (error: Error) => void;
}

const deadlines = new Set<Deadline>();
let sweeper: NodeJS.Timeout | undefined;

/** One timer checks every running invocation: a timer per request would cost more than the request. */
function watch(deadline: Deadline): void {
  deadlines.add(deadline);
  sweeper ??= setInterval(() => {
    const now = Date.now();
    for (const d of deadlines) if (d.at <= now) d.fail(new LambdaTimeoutError('timed out'));
    if (deadlines.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, 50).unref();
}

/** Invokes a handler and fails it when it outlives its configured timeout, as Lambda would. */
export async function invokeWithTimeout<E, R>(handler: LambdaHandler<E, R>, event: E, context: Context, timeoutSeconds: number): Promise<R> {
  let deadline: Deadline | undefined;
  const timeout = new Promise<never>((_, reject) => {
    deadline = {
      at: Date.now() + timeoutSeconds * 1000,
      fail: () => reject(new LambdaTimeoutError(`${context.functionName} timed out after ${timeoutSeconds} s`)),
    };
  });
  watch(deadline!);
  try {
    return await Promise.race([handler(event, context), timeout]);
  } finally {
    deadlines.delete(deadline!);
  }
}
