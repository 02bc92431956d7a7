import { describe, expect, it } from 'vitest';
import { defineOperation } from '../../../../../../shared/platform/api/operation';
import { httpRoute } from '../../../../../../shared/platform/http/route';
import { logger } from '../../../../../../shared/platform/observability/logger';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';
import { captureLogLines } from '../../../../../support/log-lines';

const operation = defineOperation({
  operationId: 'work',
  method: 'GET',
  path: '/v1/work',
  summary: 'work',
  tags: [],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'ok' } },
});

/** A route that appends a Powertools key (as a library or later code may) and logs, then succeeds or fails. */
const work = httpRoute(operation, async ({ event }) => {
  logger.appendKeys({ batch: event.rawPath });
  logger.info('working');
  if (event.rawPath === '/v1/fail') throw new Error('boom');
  return { statusCode: 200, body: {} };
});

const { lines } = captureLogLines();

describe('Middleware: logContext', () => {
  it("writes the invocation's Lambda context on each line, cold start first, then warm", async () => {
    await work(httpEvent({ rawPath: '/v1/work' }), lambdaContextStub);
    await work(httpEvent({ rawPath: '/v1/work' }), { ...lambdaContextStub, awsRequestId: 'aws-req-2' });
    const working = lines().filter((l) => l.message === 'working');
    expect(working).toHaveLength(2);
    expect(working[0]).toMatchObject({ function_name: 'test', function_arn: lambdaContextStub.invokedFunctionArn, function_memory_size: '512', function_request_id: 'aws-req-1' });
    expect(working[1]).toMatchObject({ function_request_id: 'aws-req-2', cold_start: false });
  });

  it.each([
    ['an answer', '/v1/work', 200],
    ['an error', '/v1/fail', 500],
  ])("resets the keys a request appended after %s: the next request's lines do not carry them", async (_case, rawPath, status) => {
    expect((await work(httpEvent({ rawPath }), lambdaContextStub)).statusCode).toBe(status);
    logger.info('between requests');
    const between = lines().find((l) => l.message === 'between requests');
    expect(lines().find((l) => l.message === 'working')).toMatchObject({ batch: rawPath });
    expect(between).not.toHaveProperty('batch');
  });
});
