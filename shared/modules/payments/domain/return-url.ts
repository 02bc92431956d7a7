import { InvalidInputError } from '../../../platform/kernel/errors';

/** Plain http is acceptable only on the developer's own machine. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a payment's return URL is not acceptable, or undefined when it is. The gateway's return link
 * is signed and sends the citizen's browser to this URL, so anything but a configured portal would be
 * an open redirect under our name: the URL must parse as absolute, be https (http only on loopback),
 * carry no userinfo (`https://portal@evil.example` is a host of evil.example), and have exactly one of
 * the configured portal origins. A `*` in the list allows no return URL: CORS may be open, redirects
 * may not.
 */
export function returnUrlProblem(value: string, allowedOrigins: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute https URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return 'must use https (http only for localhost)';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  const allowed = allowedOrigins.filter((o) => o !== '*').flatMap((o) => {
    try {
      return [new URL(o).origin];
    } catch {
      return [];
    }
  });
  if (!allowed.includes(url.origin)) return `must be on a portal origin (${allowed.join(', ') || 'none configured'})`;
  return undefined;
}

/** The URL as browsers will read it, after checking it; a 400 naming `returnUrl` otherwise. */
export function acceptReturnUrl(value: string, allowedOrigins: readonly string[]): string {
  const problem = returnUrlProblem(value, allowedOrigins);
  if (problem) throw new InvalidInputError(`returnUrl ${problem}`, { details: [{ path: 'returnUrl', message: problem }] });
  return new URL(value).href;
}
