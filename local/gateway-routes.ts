import type { HttpMethod } from '../shared/app/functions';

/** A route as API Gateway names it: its method, its path template and the `routeKey` events carry. */
export interface GatewayRoute<T> {
  readonly method: HttpMethod;
  readonly path: string;
  /** `POST /v1/fees/quote`: built once, every event of the route carries it. */
  readonly routeKey: string;
  readonly target: T;
}

export interface RouteMatch<T> {
  readonly route: GatewayRoute<T>;
  /** Decoded path parameters; undefined for a route without any, as API Gateway leaves them out. */
  readonly params: Record<string, string> | undefined;
}

interface TemplatedRoute<T> extends GatewayRoute<T> {
  readonly pattern: RegExp;
  readonly paramCount: number;
}

const PARAMETER = /^\{(\w+)\}$/;

function patternOf(path: string): { pattern: RegExp; paramCount: number } {
  let paramCount = 0;
  const source = path
    .split('/')
    .map((segment) => {
      const param = PARAMETER.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramCount++;
      return `(?<${param[1]}>[^/]+)`;
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramCount };
}

/**
 * The routes of the local API, compiled once: a route without parameters is found by its path in a
 * map; only routes with parameters are tried as patterns, fewest parameters first, so a static route
 * wins over a parameterised one answering the same path (as API Gateway prefers the most specific).
 * Among routes of equal rank the first added wins. A path that only other methods serve has no match:
 * API Gateway answers it 404, like an unknown path.
 */
export class GatewayRoutes<T> {
  private readonly byPath = new Map<string, GatewayRoute<T>[]>();
  private readonly templated: TemplatedRoute<T>[] = [];

  add(method: HttpMethod, path: string, target: T): void {
    const route = { method, path, routeKey: `${method} ${path}`, target };
    const { pattern, paramCount } = patternOf(path);
    if (paramCount === 0) {
      const same = this.byPath.get(path);
      if (same) same.push(route);
      else this.byPath.set(path, [route]);
      return;
    }
    // Kept sorted by rank; a stable insertion keeps the first added first among equals.
    let at = this.templated.length;
    while (at > 0 && this.templated[at - 1]!.paramCount > paramCount) at--;
    this.templated.splice(at, 0, { ...route, pattern, paramCount });
  }

  /** The route serving `method` on `path` (raw, still percent-encoded), with its parameters decoded. */
  match(method: string | undefined, path: string): RouteMatch<T> | undefined {
    const exact = this.byPath.get(path);
    if (exact) {
      for (const route of exact) if (route.method === method) return { route, params: undefined };
    }
    for (const route of this.templated) {
      if (route.method !== method) continue;
      const groups = route.pattern.exec(path)?.groups;
      if (!groups) continue;
      const params: Record<string, string> = {};
      for (const name in groups) params[name] = decodeURIComponent(groups[name]!);
      return { route, params };
    }
    return undefined;
  }
}
