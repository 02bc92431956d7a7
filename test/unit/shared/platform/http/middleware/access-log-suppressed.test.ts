import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineOperation } from '../../../../../../shared/platform/api/operation';
import { accessLog } from '../../../../../../shared/platform/http/middleware/access-log';
import { httpRoute } from '../../../../../../shared/platform/http/route';
import type { HttpMiddleware } from '../../../../../../shared/platform/http/types';
import { logger } from '../../../../../../shared/platform/observability/logger';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';

const operation = defineOperation({
  operationId: 'thing',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'thing',
  tags: [],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'ok' } },
});

let written: Record<string, unknown>[];
beforeEach(() => {
  written = [];
  const capture = (chunk: unknown) => {
    written.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

type Request = Parameters<NonNullable<HttpMiddleware['before']>>[0];

/** The middleware alone over a request object as middy passes it, with the test's clock. */
async function runAccessLog(now: () => number): Promise<void> {
  const middleware = accessLog({ now });
  const request = { event: httpEvent(), context: lambdaContextStub, response: { statusCode: 200 }, error: undefined, internal: {} } as Request;
  await middleware.before!(request);
  await middleware.after!(request);
}

describe('Middleware: accessLog, by log level', () => {
  it('at WARN measures nothing and writes no access line', async () => {
    logger.pinLogLevel('WARN');
    const now = vi.fn(() => 0);

    await runAccessLog(now);

    expect(now).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it('at WARN still puts the dossier number on the lines that are written', async () => {
    logger.pinLogLevel('WARN');
    const route = httpRoute(operation, () => {
      logger.warn('needs a look');
      return { statusCode: 200, body: { ok: true } };
    });

    const result = await route(httpEvent({ routeKey: 'GET /v1/dossiers/{dossierNo}', pathParameters: { dossierNo: 'H31.26-000777' } }), lambdaContextStub);

    expect(result.statusCode).toBe(200);
    expect(written.filter((l) => l.message === 'api request')).toEqual([]);
    expect(written).toEqual([expect.objectContaining({ message: 'needs a look', dossierNo: 'H31.26-000777' })]);
  });

  it('at INFO measures the latency with the given clock and writes the line', async () => {
    logger.pinLogLevel('INFO');
    const now = vi.fn().mockReturnValueOnce(100).mockReturnValueOnce(142.4);

    await runAccessLog(now);

    expect(written).toEqual([expect.objectContaining({ message: 'api request', level: 'INFO', status: 200, latencyMs: 42 })]);
  });
});
