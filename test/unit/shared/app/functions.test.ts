import { describe, expect, it } from 'vitest';
import { Functions, httpFunctions, httpTrigger, routeKey, routeOf } from '../../../../shared/app/functions';
import { Operations } from '../../../../shared/app/operations';
import { defineOperation, type OperationAuth } from '../../../../shared/platform/api/operation';

const operationWith = (auth: OperationAuth) =>
  defineOperation({ operationId: 'probe', method: 'POST', path: '/v1/probes/{id}', summary: 'probe', tags: [], auth, request: {}, responses: { 200: { description: 'ok' } } });

describe('Function: routeOf', () => {
  it.each([
    ['public', 'none'],
    ['signed', 'none'],
    ['citizen', 'jwt'],
    ['agency', 'jwt'],
    ['citizen_or_agency', 'jwt'],
  ] as const)('an operation with auth %s is served with route auth %s', (auth, routeAuth) => {
    // Act
    const route = routeOf(operationWith(auth));

    // Assess
    expect(route).toEqual({ method: 'POST', path: '/v1/probes/{id}', auth: routeAuth });
  });

  it('builds one route per operation a function serves', () => {
    expect(httpTrigger(operationWith('public'), { ...operationWith('agency'), method: 'GET' }).routes).toEqual([
      { method: 'POST', path: '/v1/probes/{id}', auth: 'none' },
      { method: 'GET', path: '/v1/probes/{id}', auth: 'jwt' },
    ]);
  });
});

describe('Functions: routes come from the operations', () => {
  const served = httpFunctions().flatMap((fn) => fn.trigger.routes.map((route) => ({ fn: fn.name, route })));

  it.each(Operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s is served by exactly one function, as the operation declares it', (_key, operation) => {
    const matching = served.filter(({ route }) => routeKey(route) === routeKey(operation));
    expect(matching.map((m) => m.fn)).toHaveLength(1);
    expect(matching[0]!.route).toEqual(routeOf(operation));
  });

  it('serves no route that is not an operation', () => {
    const operations = new Set(Operations.map(routeKey));
    expect(served.map(({ route }) => routeKey(route)).filter((key) => !operations.has(key))).toEqual([]);
  });

  it('names every function once', () => {
    expect(new Set(Functions.map((f) => f.name)).size).toBe(Functions.length);
  });
});
