import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpRouteTable } from '../../../../../shared/platform/http/route-table';
import { httpEvent } from '../../../../support/http-event';

const context = {} as Context;
const answer = (body: string) => async () => ({ statusCode: 200, body });

describe('Function: httpRouteTable', () => {
  const handler = httpRouteTable([
    [{ method: 'GET', path: '/v1/units/provinces' }, answer('provinces')],
    [{ method: 'GET', path: '/v1/units/provinces/{provinceCode}/communes' }, answer('communes')],
  ]);

  it.each([
    ['GET /v1/units/provinces', 'provinces'],
    ['GET /v1/units/provinces/{provinceCode}/communes', 'communes'],
  ])('gives %s to its own handler', async (routeKey, body) => {
    expect(await handler(httpEvent({ routeKey }), context)).toEqual({ statusCode: 200, body });
  });

  it('throws on a route the function does not serve (a wiring mistake, never a guess)', () => {
    expect(() => handler(httpEvent({ routeKey: 'POST /v1/units/provinces' }), context)).toThrow('No handler in this function for route POST /v1/units/provinces');
  });
});
