/** Outbound calls stay well inside the Lambda budget (integrations.md: OCPS uses 6 s). */
export const PARTNER_TIMEOUT_MS = 6_000;

/** `error` set: no HTTP answer at all (timeout, refused connection). */
export type PartnerReply = { readonly status: number; readonly body: unknown } | { readonly status: 0; readonly error: string };

/** POSTs and reads a JSON reply; a timeout or a refused connection is status 0, never a throw. */
export async function postPartner(url: string, init: { headers: Record<string, string>; body: string }, fetchImpl: typeof fetch = fetch): Promise<PartnerReply> {
  try {
    const response = await fetchImpl(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(PARTNER_TIMEOUT_MS) });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, error: error instanceof Error ? error.name : 'error' };
  }
}
