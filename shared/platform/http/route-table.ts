import type { Context } from 'aws-lambda';
import type { OperationDefinition } from '../api/operation';
import type { HttpEvent, HttpResult } from './types';

type RouteHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * One Lambda for a few closely related operations, each still its own `httpRoute`: API Gateway names
 * the route it matched in `routeKey` (`GET /v1/units/provinces`), and that picks the handler. Sharing
 * a function saves the stack a function, role, policy, log group and integration per operation.
 */
export function httpRouteTable(routes: readonly (readonly [Pick<OperationDefinition, 'method' | 'path'>, RouteHandler])[]): RouteHandler {
  const byKey = new Map(routes.map(([operation, handler]) => [`${operation.method} ${operation.path}`, handler]));
  return (event, context) => {
    const handler = byKey.get(event.routeKey);
    // Only a route the function definition declares reaches it; anything else is a wiring mistake.
    if (!handler) throw new Error(`No handler in this function for route ${event.routeKey}`);
    return handler(event, context);
  };
}
