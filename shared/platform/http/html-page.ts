import { createHash } from 'node:crypto';
import type { RouteResponse } from './route';

/** A self-contained page (scripts and styles inlined) and the Content-Security-Policy that allows exactly them. */
export interface HtmlPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

/** The CSP source that allows one inline script by its content: `'sha256-…'`. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * A public page holding no data and no secret (the API reference, the KPI dashboard): 200 with its
 * policy, no MIME sniffing, no referrer, and cacheable for five minutes like the document it shows.
 */
export function htmlPageResponse(page: HtmlPage): RouteResponse {
  return {
    statusCode: 200,
    body: page.html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'public, max-age=300',
    },
  };
}
