import { inject } from 'vitest';

/** Calls the local runtime over real HTTP (the shared one, or the one at `baseUrl`). */
export async function api(path: string, init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string; baseUrl?: string } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${init.baseUrl ?? inject('baseUrl')}${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    redirect: 'manual',
  });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function devToken(claims: { role: 'citizen'; sub: string } | { role: 'agency'; agency: string } | { role: 'city'; sub?: string }, baseUrl?: string): Promise<string> {
  const res = await api('/v1/dev/tokens', { body: claims, ...(baseUrl ? { baseUrl } : {}) });
  if (res.status !== 200) throw new Error(`token mint failed: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/** An applicant for online registrations in integration tests (no real person: ids and phones are test values). */
export interface TestApplicant {
  readonly citizenId: string;
  readonly fullName: string;
  readonly phone: string;
}

/**
 * Registers an online dossier of the fee fixture's procedure (2.000815, 3 pages × 1 copy: 5,000 VND
 * owed) for an agency, submitted now, and returns its number; any other answer than 201 fails the test.
 */
export async function registerOnlineDossier(agencyToken: string, agencyCode: string, applicant: TestApplicant, dossierNo: string, baseUrl?: string): Promise<string> {
  const res = await api(`/v1/dossiers/${dossierNo}`, {
    method: 'PUT',
    token: agencyToken,
    ...(baseUrl ? { baseUrl } : {}),
    body: { procedureCode: '2.000815', agencyCode, channel: 'online', submittedAt: new Date().toISOString(), applicant, inputs: { pages: 3, copies: 1 } },
  });
  if (res.status !== 201) throw new Error(`registration of ${dossierNo} answered ${res.status}: ${res.text}`);
  return dossierNo;
}
