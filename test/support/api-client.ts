import { inject } from 'vitest';
import { uniqueCode } from './emulators';

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

/** A fresh agency (its code unique to the run, in Hai Phong) with a token of its own, and a citizen's token. */
export interface TestAgencyAndCitizen {
  readonly agency: string;
  readonly agencyToken: string;
  readonly citizenToken: string;
}

/** Mints the tokens a file's tests act with: an officer of a new agency, and the citizen `citizenId`. */
export async function agencyAndCitizen(citizenId: string, baseUrl?: string): Promise<TestAgencyAndCitizen> {
  const agency = uniqueCode('HP');
  return {
    agency,
    agencyToken: await devToken({ role: 'agency', agency }, baseUrl),
    citizenToken: await devToken({ role: 'citizen', sub: citizenId }, baseUrl),
  };
}

/** What a test registration may say otherwise than the fee fixture's online dossier, and which runtime gets it. */
export interface TestRegistration {
  /** '2.000815' (3 pages × 1 copy: 5,000 VND owed) unless said. */
  readonly procedureCode?: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Now unless said (registration refuses one older than 30 days). */
  readonly submittedAt?: string;
  readonly baseUrl?: string;
}

/**
 * Registers an online dossier for an agency, by default of the fee fixture's procedure (2.000815, 3
 * pages × 1 copy: 5,000 VND owed) submitted now, and returns its number; any other answer than 201
 * fails the test.
 */
export function registerOnlineDossier(agencyToken: string, agencyCode: string, applicant: TestApplicant, dossierNo: string, options: TestRegistration = {}): Promise<string> {
  const { procedureCode = '2.000815', inputs = { pages: 3, copies: 1 }, submittedAt = new Date().toISOString(), baseUrl } = options;
  return register(agencyToken, dossierNo, { procedureCode, agencyCode, channel: 'online', submittedAt, applicant, inputs }, baseUrl);
}

/**
 * Registers an enterprise registration (1.000956) received at the counter and paid online, submitted
 * now: 100,000 VND phí + 50,000 VND lệ phí owed, so a payment of it gets two e-receipts.
 */
export function registerEnterpriseAtCounter(agencyToken: string, agencyCode: string, applicant: TestApplicant, dossierNo: string): Promise<string> {
  return register(agencyToken, dossierNo, { procedureCode: '1.000956', agencyCode, channel: 'counter', submittedAt: new Date().toISOString(), applicant, inputs: {} });
}

async function register(agencyToken: string, dossierNo: string, body: Record<string, unknown>, baseUrl?: string): Promise<string> {
  const res = await api(`/v1/dossiers/${dossierNo}`, { method: 'PUT', token: agencyToken, body, ...(baseUrl ? { baseUrl } : {}) });
  if (res.status !== 201) throw new Error(`registration of ${dossierNo} answered ${res.status}: ${res.text}`);
  return dossierNo;
}
