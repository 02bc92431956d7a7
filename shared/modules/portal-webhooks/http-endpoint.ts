import type { PostResult } from './domain/delivery';
import type { PortalEndpoint } from './ports';

/** Scheme, host and path only: a query string may carry the portal's own token, which the log must not show. */
export function loggableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'invalid-url';
  }
}

/**
 * POSTs with Node's fetch and a hard timeout. Redirects are not followed (a 3xx is not an
 * acceptance: the signed body must reach the configured URL itself); the answer's body is read and
 * dropped. A timeout or a refused connection is a result without a status, never a throw.
 */
export function fetchPortalEndpoint(timeoutMs: number, fetchImpl: typeof fetch = fetch): PortalEndpoint {
  return {
    async post({ url, body, headers }): Promise<PostResult> {
      const started = performance.now();
      const where = loggableUrl(url);
      try {
        const response = await fetchImpl(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer().catch(() => undefined);
        return { url: where, statusCode: response.status, latencyMs: performance.now() - started };
      } catch (error) {
        const name = error instanceof Error ? (error.name === 'TimeoutError' ? 'timeout' : (causeCode(error) ?? error.name)) : 'error';
        return { url: where, latencyMs: performance.now() - started, error: name };
      }
    },
  };
}

/** undici puts the socket's error code (ECONNREFUSED, ENOTFOUND…) on the cause. */
function causeCode(error: Error): string | undefined {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
