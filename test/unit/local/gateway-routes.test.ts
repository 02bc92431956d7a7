import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Functions, type HttpFunction, type HttpMethod } from '../../../shared/app/functions';
import { GatewayRoutes } from '../../../local/gateway-routes';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** Every route the deployed API declares, in the order the local runtime adds them. */
const API_ROUTES = Functions.filter((f): f is HttpFunction => f.trigger.kind === 'http').flatMap((f) => f.trigger.routes.map((r) => [r.method, r.path] as const));

/**
 * The gateway's former matching, kept as the reference: every route as a pattern, sorted by fewest
 * parameters (stable), the first whose pattern answers the path and whose method is the request's.
 */
function referenceMatch(routes: readonly (readonly [HttpMethod, string])[], method: string, path: string) {
  const compiled = routes.map(([m, p], index) => {
    let params = 0;
    const source = p
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        params++;
        return `(?<${param[1]}>[^/]+)`;
      })
      .join('/');
    return { index, method: m, pattern: new RegExp(`^${source}$`), specificity: -params };
  });
  compiled.sort((a, b) => b.specificity - a.specificity);
  const route = compiled.filter((r) => r.pattern.test(path)).find((r) => r.method === method);
  if (!route) return undefined;
  const params = Object.fromEntries(Object.entries(route.pattern.exec(path)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  return { index: route.index, params: Object.keys(params).length > 0 ? params : undefined };
}

function tableOf(routes: readonly (readonly [HttpMethod, string])[]): GatewayRoutes<number> {
  const table = new GatewayRoutes<number>();
  routes.forEach(([method, path], index) => table.add(method, path, index));
  return table;
}

/** A concrete path for a template: each `{param}` replaced by a value, sometimes percent-encoded. */
const pathFor = (template: string) =>
  fc
    .array(fc.constantFrom('D-1', 'a%20b', '2.000815', 'special', 'x.y', '%C4%91'), { minLength: 8, maxLength: 8 })
    .map((values) => {
      let i = 0;
      return template.replace(/\{\w+\}/g, () => values[i++]!);
    });

describe('Class: GatewayRoutes', () => {
  it('names each route by its API Gateway route key', () => {
    const table = tableOf([['POST', '/v1/fees/quote']]);
    expect(table.match('POST', '/v1/fees/quote')).toEqual({ route: expect.objectContaining({ routeKey: 'POST /v1/fees/quote', target: 0 }), params: undefined });
  });

  it.each([
    ['a static route over a parameterised one, whichever came first', [['GET', '/v1/things/{id}'], ['GET', '/v1/things/special']], 'GET', '/v1/things/special', 1],
    ['fewer parameters over more', [['GET', '/v1/{a}/{b}'], ['GET', '/v1/things/{b}']], 'GET', '/v1/things/x', 1],
    ['the first added among routes of equal rank', [['GET', '/v1/{a}/x'], ['GET', '/v1/things/{b}']], 'GET', '/v1/things/x', 0],
    ['the route of the request method', [['GET', '/v1/things/{id}'], ['PUT', '/v1/things/{id}']], 'PUT', '/v1/things/1', 1],
  ] as const)('prefers %s', (_case, routes, method, path, expected) => {
    expect(tableOf(routes).match(method, path)?.route.target).toBe(expected);
  });

  it('decodes path parameters and leaves them out of a route without any', () => {
    const table = tableOf([['GET', '/v1/dossiers/{dossierNo}/receipts'], ['GET', '/v1/health']]);
    expect(table.match('GET', '/v1/dossiers/H%E1%BB%93%20s%C6%A1/receipts')?.params).toEqual({ dossierNo: 'Hồ sơ' });
    expect(table.match('GET', '/v1/health')?.params).toBeUndefined();
  });

  it('has no route for an unknown path, another method of a known one, a trailing slash or a missing segment', () => {
    const table = tableOf([['GET', '/v1/things/{id}'], ['GET', '/v1/health']]);
    expect(table.match('GET', '/v1/nothing')).toBeUndefined();
    expect(table.match('POST', '/v1/health')).toBeUndefined();
    expect(table.match('DELETE', '/v1/things/1')).toBeUndefined();
    expect(table.match('GET', '/v1/health/')).toBeUndefined();
    expect(table.match('GET', '/v1/things/')).toBeUndefined();
    expect(table.match(undefined, '/v1/health')).toBeUndefined();
  });

  it("answers every request of the API's own routes as the former pattern scan did", () => {
    const table = tableOf(API_ROUTES);
    const request = fc.record({
      method: fc.constantFrom(...METHODS),
      path: fc.oneof(fc.constantFrom(...API_ROUTES.map(([, path]) => path)).chain(pathFor), fc.constantFrom('/', '/v1', '/v1/fees/quote/', '/v1/x/y/z')),
    });
    fc.assert(
      fc.property(request, ({ method, path }) => {
        const found = table.match(method, path);
        expect(found === undefined ? undefined : { index: found.route.target, params: found.params }).toEqual(referenceMatch(API_ROUTES, method, path));
      }),
      { numRuns: 3000 },
    );
  });
});
