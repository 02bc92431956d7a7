import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../platform/kernel/time';
import type { ZaloTokens, ZaloTokenStore } from '../../ports';
import type { RefreshReply } from './protocol';

/** A refresh that did not happen (the OAuth server refused, or another refresher never finished). */
export class ZaloTokenRefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZaloTokenRefreshError';
  }
}

export interface ZaloTokenOptions {
  /** How long a refresher may hold the lease (then another takes over). */
  readonly leaseMs: number;
  /** Refresh this long before the access token expires. */
  readonly earlyMs: number;
  /** How often a refresher that lost the lease looks again, and how many times. */
  readonly waitMs: number;
  readonly waitRounds: number;
}

export const DEFAULT_TOKEN_OPTIONS: ZaloTokenOptions = { leaseMs: 20_000, earlyMs: 10 * 60_000, waitMs: 250, waitRounds: 40 };

export interface ZaloTokenDeps {
  readonly store: ZaloTokenStore;
  /** POSTs a refresh with this refresh token (channels/zns/channel.ts). */
  readonly refresh: (refreshToken: string) => Promise<RefreshReply>;
  /** The refresh token an operator seeded in SSM, used only while the table holds none. */
  readonly seedRefreshToken: () => Promise<string>;
  readonly clock: Clock;
  /** Reports the refresh token's age (for the alarm before its 3-month end). */
  readonly onRefreshTokenAge?: (days: number) => void;
  readonly options?: ZaloTokenOptions;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The Zalo OA access token, refreshed by one writer at a time. The refresh token is single-use: two
 * refreshers racing would burn it, and an error reply stored over it (as one public system does)
 * would lose it. So: a lease taken by a conditional write; the winner refreshes and stores access and
 * refresh tokens together while still holding it; an error reply frees the lease and keeps the old pair;
 * losers wait for the new version and use it.
 */
export class ZaloTokenManager {
  private readonly holder = randomUUID();
  private readonly options: ZaloTokenOptions;
  /** The pair last read or stored by this container: a fresh access token lives ~25 h, so sends do not read the row. */
  private cached: ZaloTokens | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: ZaloTokenDeps) {
    this.options = deps.options ?? DEFAULT_TOKEN_OPTIONS;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * A usable access token: the one held in memory while it is fresh, else the stored one while it is
   * fresh, else a refreshed one. Nothing is written unless it is refreshed.
   */
  async accessToken(): Promise<string> {
    if (this.cached && this.isFresh(this.cached)) {
      this.reportAge(this.cached);
      return this.cached.accessToken;
    }
    const tokens = await this.readStored();
    if (tokens) this.reportAge(tokens);
    if (tokens && this.isFresh(tokens)) return tokens.accessToken;
    return this.refreshFrom(tokens?.version ?? 0);
  }

  /**
   * Zalo refused `rejected` as invalid: refresh once, unless someone already replaced it (read from
   * the row, not the memory: another container may have refreshed), and hand back the token to retry
   * with (once).
   */
  async afterRejection(rejected: string): Promise<string> {
    const tokens = await this.readStored();
    if (tokens && tokens.accessToken !== rejected) return tokens.accessToken;
    return this.refreshFrom(tokens?.version ?? 0);
  }

  private isFresh(tokens: ZaloTokens): boolean {
    return Date.parse(tokens.accessExpiresAt) - this.options.earlyMs > this.deps.clock.now().getTime();
  }

  private async readStored(): Promise<ZaloTokens | undefined> {
    this.cached = await this.deps.store.read();
    return this.cached;
  }

  private async refreshFrom(version: number): Promise<string> {
    for (let round = 0; round <= this.options.waitRounds; round++) {
      const now = this.deps.clock.now();
      if (await this.deps.store.takeLease(this.holder, new Date(now.getTime() + this.options.leaseMs), now, version)) return this.refreshHolding(version);
      // Someone else holds the lease, or already moved the version: use theirs once it is there.
      const current = await this.readStored();
      if (current && current.version > version) return current.accessToken;
      await this.sleep(this.options.waitMs);
    }
    throw new ZaloTokenRefreshError('another refresher holds the Zalo token lease and has not finished');
  }

  private async refreshHolding(version: number): Promise<string> {
    const before = await this.readStored();
    if (before && before.version !== version) {
      await this.deps.store.releaseLease(this.holder);
      return before.accessToken;
    }
    const refreshToken = before?.refreshToken ?? (await this.deps.seedRefreshToken());
    let reply: RefreshReply;
    try {
      reply = await this.deps.refresh(refreshToken);
    } catch (error) {
      await this.deps.store.releaseLease(this.holder);
      throw new ZaloTokenRefreshError(`Zalo token refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!reply.ok) {
      // The old pair stays: an error body is never written over a refresh token.
      await this.deps.store.releaseLease(this.holder);
      throw new ZaloTokenRefreshError(`Zalo refused the token refresh (${reply.error})`);
    }
    const now = this.deps.clock.now();
    const next: ZaloTokens = {
      accessToken: reply.accessToken,
      refreshToken: reply.refreshToken,
      accessExpiresAt: new Date(now.getTime() + reply.expiresInSeconds * 1000).toISOString(),
      refreshIssuedAt: now.toISOString(),
      version: version + 1,
    };
    if (!(await this.deps.store.saveRefreshed(this.holder, next))) {
      // Another refresh of this version was stored first (possible only after our lease ran out).
      throw new ZaloTokenRefreshError('the Zalo token lease expired during the refresh');
    }
    this.cached = next;
    this.reportAge(next);
    return next.accessToken;
  }

  private reportAge(tokens: ZaloTokens): void {
    this.deps.onRefreshTokenAge?.((this.deps.clock.now().getTime() - Date.parse(tokens.refreshIssuedAt)) / 86_400_000);
  }
}
