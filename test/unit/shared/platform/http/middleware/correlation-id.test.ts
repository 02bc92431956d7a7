import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineOperation } from '../../../../../../shared/platform/api/operation';
import { header } from '../../../../../../shared/platform/http/types';
import { httpRoute } from '../../../../../../shared/platform/http/route';
import { logger } from '../../../../../../shared/platform/observability/logger';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';
import { captureLogLines } from '../../../../../support/log-lines';

const operation = defineOperation({
  operationId: 'slow',
  method: 'GET',
  path: '/v1/slow',
  summary: 'slow',
  tags: [],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'ok' } },
});

/** Each request waits at a gate the test opens, so the two invocations interleave deterministically. */
const gates = new Map<string, () => void>();
const slow = httpRoute(operation, async ({ event }) => {
  const name = header(event, 'x-test-name')!;
  await new Promise<void>((resolve) => gates.set(name, resolve));
  logger.info('work done', { request: name });
  if (name === 'failing') throw new Error('boom');
  return { statusCode: 200, body: { name } };
});

const call = (name: string, correlationId?: string) =>
  slow(
    httpEvent({
      headers: { 'x-test-name': name, ...(correlationId ? { 'x-correlation-id': correlationId } : {}) },
      requestContext: { ...httpEvent().requestContext, requestId: `apigw-${name}` },
    }),
    lambdaContextStub,
  );

const { lines } = captureLogLines();
beforeEach(() => gates.clear());

const line = (request: string) => lines().find((l) => l.message === 'work done' && l.request === request);

describe('Middleware: correlationId', () => {
  it('keeps each of two interleaved requests on its own id, in its response and its log lines', async () => {
    const first = call('first', 'corr-first');
    const second = call('second', 'corr-second'); // its middleware runs while the first is still in flight
    await vi.waitFor(() => expect(gates.size).toBe(2));
    gates.get('first')!();
    const firstResult = await first;
    gates.get('second')!();
    const secondResult = await second;

    expect(firstResult.headers?.['x-correlation-id']).toBe('corr-first');
    expect(secondResult.headers?.['x-correlation-id']).toBe('corr-second');
    expect(line('first')?.correlation_id).toBe('corr-first');
    expect(line('second')?.correlation_id).toBe('corr-second');
  });

  it('falls back to the request id, also for an error answer, and names it as the reference', async () => {
    const failing = call('failing');
    const other = call('other', 'corr-other');
    await vi.waitFor(() => expect(gates.size).toBe(2));
    gates.get('failing')!();
    const result = await failing;
    gates.get('other')!();
    await other;

    expect(result.statusCode).toBe(500);
    expect(result.headers?.['x-correlation-id']).toBe('apigw-failing');
    expect(JSON.parse(result.body!).error.message).toContain('reference apigw-failing');
    expect(line('failing')?.correlation_id).toBe('apigw-failing');
    expect(lines().find((l) => l.message === 'unhandled error')?.correlation_id).toBe('apigw-failing');
  });

  it('ignores a correlation id that is not a sane token', async () => {
    const result = call('odd', 'bad id\nwith newline');
    await vi.waitFor(() => expect(gates.size).toBe(1));
    gates.get('odd')!();
    expect((await result).headers?.['x-correlation-id']).toBe('apigw-odd');
  });
});
