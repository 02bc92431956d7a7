/**
 * The LGSP-style adapter to the National Public Service Portal (DVCQG). THE ONE FILE that knows the
 * wire format's envelope. UNVERIFIED: reconstructed from two provincial codebases (OCPS
 * DVCQGIntegrationActionImpl, TD-DVC; ../shared/design/integrations.md), not from an official spec.
 *
 * - Login: POST {url}{authPath} `{username, password}` with header `dstcode` → `{session, error_code}`.
 * - Every call: POST {url}{integrationPath} `{session, madonvi, service, ...}` with the same header.
 * - The session is kept until the portal rejects it; then one new login and one retry.
 * - Every exchange goes into the caller's trail (the port's audit contract); the login into the
 *   trail of the call that needed it.
 */
import { logger } from '../../platform/observability/logger';
import { PortalRejectedError, PortalUnavailableError } from './domain/errors';
import { classifyReply, ReplyKinds, type ClassifiedReply } from './domain/replies';
import type { PortalProgress, PortalSnapshot } from './domain/snapshot';
import { PORTAL_SERVICES, PROGRESS_CHUNK } from './domain/wire-codes';
import type { NationalPortal, PortalExchange } from './ports';

export interface LgspOptions {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The province's code on the LGSP, sent as the `dstcode` header. */
  readonly dstcode: string;
  /** Our unit's code on the portal (`madonvi`). */
  readonly unitCode: string;
  readonly authPath?: string;
  readonly integrationPath?: string;
  /** Per request; capped at 6 s (OCPS TIMEOUT_DVCQG) so that a call always ends within the function's budget. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

export const MAX_TIMEOUT_MS = 6_000;

interface Exchange {
  readonly status: number;
  readonly body: unknown;
}

export class LgspNationalPortal implements NationalPortal {
  private session: string | undefined;
  private login: Promise<string> | undefined;
  private readonly timeoutMs: number;
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: LgspOptions) {
    this.timeoutMs = Math.min(MAX_TIMEOUT_MS, options.timeoutMs ?? MAX_TIMEOUT_MS);
    this.base = options.url.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  async upsert(snapshot: PortalSnapshot, known: boolean, trail: PortalExchange[]): Promise<void> {
    const send = (updating: boolean) => this.call(snapshot.MaHoSo, PORTAL_SERVICES.upsert, { isUpdating: updating ? 'True' : 'False', data: [snapshot] }, trail);
    const reply = await send(known);
    // Our record of a first push was lost (or the portal got it from elsewhere): update instead.
    if (reply.kind === ReplyKinds.EXISTS && !known) return this.expectOk(snapshot.MaHoSo, PORTAL_SERVICES.upsert, await send(true));
    this.expectOk(snapshot.MaHoSo, PORTAL_SERVICES.upsert, reply);
  }

  async progress(rows: readonly PortalProgress[], trail: PortalExchange[]): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length > PROGRESS_CHUNK) throw new RangeError(`at most ${PROGRESS_CHUNK} progress rows per call`);
    const dossierNo = rows[0]!.MaHoSo;
    this.expectOk(dossierNo, PORTAL_SERVICES.progress, await this.call(dossierNo, PORTAL_SERVICES.progress, { data: rows }, trail));
  }

  private expectOk(dossierNo: string, service: string, reply: ClassifiedReply): void {
    if (reply.kind === ReplyKinds.OK) return;
    const what = `${service} ${dossierNo}: error_code ${reply.code || '(none)'}${reply.message ? ` ${reply.message}` : ''}`;
    if (reply.kind === ReplyKinds.REJECTED || reply.kind === ReplyKinds.EXISTS) throw new PortalRejectedError(`The portal refused ${what}`, reply.code);
    if (reply.kind === ReplyKinds.SESSION_REJECTED) throw new PortalRejectedError(`The portal refused a fresh session for ${what}`, reply.code);
    throw new PortalUnavailableError(`The portal did not accept ${what}`);
  }

  /** One integration call: on a rejected session, log in again once and retry once. */
  private async call(dossierNo: string, service: string, payload: Record<string, unknown>, trail: PortalExchange[]): Promise<ClassifiedReply> {
    let session = await this.currentSession(dossierNo, trail);
    let reply = await this.exchange(dossierNo, service, session, payload, trail);
    if (reply.kind === ReplyKinds.SESSION_REJECTED) {
      if (this.session === session) this.session = undefined;
      session = await this.currentSession(dossierNo, trail);
      reply = await this.exchange(dossierNo, service, session, payload, trail);
    }
    return reply;
  }

  private async exchange(dossierNo: string, service: string, session: string, payload: Record<string, unknown>, trail: PortalExchange[]): Promise<ClassifiedReply> {
    const body = { madonvi: this.options.unitCode, service, ...payload };
    const { status, body: reply } = await this.post(dossierNo, service, this.options.integrationPath ?? '/integration', body, { session }, trail);
    return classifyReply(status, reply);
  }

  /** The cached session, or one login shared by every call that needs it meanwhile (audited in the first one's trail). */
  private async currentSession(dossierNo: string, trail: PortalExchange[]): Promise<string> {
    if (this.session) return this.session;
    this.login ??= this.logIn(dossierNo, trail).finally(() => (this.login = undefined));
    return this.login;
  }

  private async logIn(dossierNo: string, trail: PortalExchange[]): Promise<string> {
    const { status, body } = await this.post(dossierNo, 'login', this.options.authPath ?? '/auth', { username: this.options.username }, { password: this.options.password }, trail);
    const reply = classifyReply(status, body);
    const session = (body as { session?: unknown } | undefined)?.session;
    if (reply.kind === ReplyKinds.OK && typeof session === 'string' && session.length > 0) {
      this.session = session;
      return session;
    }
    if (reply.kind === ReplyKinds.UNAVAILABLE) throw new PortalUnavailableError(`The portal's login did not answer (${status})`);
    // Wrong credentials or dstcode: retrying will not help until someone fixes the SSM parameter.
    throw new PortalRejectedError(`The portal refused our login (HTTP ${status}, error_code ${reply.code || '(none)'})`, reply.code);
  }

  /**
   * POSTs `audited` plus `hidden` (session, password: never audited) and appends the exchange to
   * `trail`. Logs carry the service, dossier number, HTTP status and error code only: no personal data.
   */
  private async post(dossierNo: string, service: string, path: string, audited: Record<string, unknown>, hidden: Record<string, unknown>, trail: PortalExchange[]): Promise<Exchange> {
    const started = this.now();
    let status: number | undefined;
    let reply: unknown;
    let outcome = 'error';
    try {
      const response = await this.fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', dstcode: this.options.dstcode },
        body: JSON.stringify({ ...hidden, ...audited }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      reply = parseJson(await response.text());
      outcome = classifyReply(status, reply).kind;
      return { status, body: reply };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      outcome = timedOut ? 'timeout' : 'unreachable';
      throw new PortalUnavailableError(timedOut ? `The portal did not answer ${service} within ${this.timeoutMs} ms` : `Cannot reach the portal for ${service}`, { cause: error });
    } finally {
      const durationMs = this.now().getTime() - started.getTime();
      const code = (reply as { error_code?: unknown } | undefined)?.error_code;
      logger.info('national portal exchange', { portalService: service, dossierNo, httpStatus: status, errorCode: code === undefined ? undefined : String(code), outcome, durationMs });
      trail.push({ dossierNo, service, at: started.toISOString(), durationMs, request: audited, ...(status === undefined ? {} : { httpStatus: status }), reply: withoutSession(reply), outcome });
    }
  }
}

/** A login reply without its session token, for the audit trail. */
function withoutSession(reply: unknown): unknown {
  if (reply === null || typeof reply !== 'object' || !('session' in reply)) return reply;
  const { session: _s, ...rest } = reply as Record<string, unknown>;
  return { ...rest, session: '(hidden)' };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
