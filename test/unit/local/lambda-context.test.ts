import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeWithTimeout, lambdaContext, LambdaTimeoutError } from '../../../local/lambda-context';

afterEach(() => vi.useRealTimers());

describe('Function: lambdaContext', () => {
  it("names the function's ARN, log group and a fresh request id per invocation", () => {
    const first = lambdaContext('QuoteFees', 10, 256);
    const second = lambdaContext('QuoteFees', 10);
    expect(first).toMatchObject({
      functionName: 'QuoteFees',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:QuoteFees',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/QuoteFees',
      logStreamName: `local/${first.awsRequestId}`,
    });
    expect(second.memoryLimitInMB).toBe('512');
    expect(second.awsRequestId).not.toBe(first.awsRequestId);
    // Each function keeps its own identity, however many were made before it.
    expect(lambdaContext('VnpayIpn', 10, 256)).toMatchObject({ functionName: 'VnpayIpn', invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:VnpayIpn', logGroupName: '/aws/lambda/VnpayIpn', memoryLimitInMB: '256' });
  });

  it('counts the remaining time down to the deadline, also when called detached (as middy calls it)', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { getRemainingTimeInMillis } = lambdaContext('QuoteFees', 10);
    expect(getRemainingTimeInMillis()).toBe(10_000);
    vi.setSystemTime(1_004_000);
    expect(getRemainingTimeInMillis()).toBe(6_000);
    vi.setSystemTime(1_020_000);
    expect(getRemainingTimeInMillis()).toBe(0);
  });
});

describe('Function: invokeWithTimeout', () => {
  const context = lambdaContext('Slow', 1);

  it("answers the handler's result, or its error", async () => {
    await expect(invokeWithTimeout(async (n: number) => n * 2, 21, context, 1)).resolves.toBe(42);
    await expect(invokeWithTimeout(async () => Promise.reject(new Error('boom')), 0, context, 1)).rejects.toThrow('boom');
    await expect(
      invokeWithTimeout(
        () => {
          throw new Error('thrown at once');
        },
        0,
        context,
        1,
      ),
    ).rejects.toThrow('thrown at once');
  });

  it('fails with a timeout when the handler outlives its configured seconds', async () => {
    vi.useFakeTimers();
    const outcome = invokeWithTimeout(() => new Promise<never>(() => undefined), 0, context, 1).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_100);
    const error = await outcome;
    expect(error).toBeInstanceOf(LambdaTimeoutError);
    expect((error as Error).message).toBe('Slow timed out after 1 s');
  });
});
