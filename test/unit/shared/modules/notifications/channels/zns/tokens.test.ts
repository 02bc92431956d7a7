import { describe, expect, it } from 'vitest';
import { ZaloTokenManager, ZaloTokenRefreshError } from '../../../../../../../shared/modules/notifications/channels/zns/tokens';
import type { RefreshReply } from '../../../../../../../shared/modules/notifications/channels/zns/protocol';
import { InMemoryZaloTokenStore } from '../../../../../../fakes/notifications';

const now = new Date('2026-03-10T02:00:00Z');
const clock = { now: () => now };
const options = { leaseMs: 20_000, earlyMs: 600_000, waitMs: 1, waitRounds: 50 };

/** Zalo's OAuth: single-use refresh tokens; a reused one is refused, as the real server does. */
function fakeOauth(first = 'r0') {
  const valid = new Set([first]);
  let n = 0;
  const calls: string[] = [];
  const refresh = async (token: string): Promise<RefreshReply> => {
    calls.push(token);
    await new Promise((r) => setTimeout(r, 5));
    if (!valid.delete(token)) return { ok: false, error: '-14020' };
    n++;
    valid.add(`r${n}`);
    return { ok: true, accessToken: `a${n}`, refreshToken: `r${n}`, expiresInSeconds: 90_000 };
  };
  return { refresh, calls };
}

const expired = { accessToken: 'a0', refreshToken: 'r0', accessExpiresAt: '2026-03-10T01:00:00.000Z', refreshIssuedAt: '2026-02-01T00:00:00.000Z', version: 3 };

describe('Class: ZaloTokenManager', () => {
  it('two refreshers race: one refreshes, both use the new token, the pair is stored together', async () => {
    const store = new InMemoryZaloTokenStore(expired);
    const oauth = fakeOauth();
    const make = () => new ZaloTokenManager({ store, refresh: oauth.refresh, seedRefreshToken: async () => 'seed', clock, options });
    const [one, two] = await Promise.all([make().accessToken(), make().accessToken()]);
    expect([one, two]).toEqual(['a1', 'a1']);
    expect(oauth.calls).toEqual(['r0']);
    expect(store.tokens).toEqual({ accessToken: 'a1', refreshToken: 'r1', accessExpiresAt: '2026-03-11T03:00:00.000Z', refreshIssuedAt: now.toISOString(), version: 4 });
    expect(store.lease).toBeUndefined();
  });

  it('an error reply keeps the old pair and frees the lease', async () => {
    const store = new InMemoryZaloTokenStore(expired);
    const manager = new ZaloTokenManager({ store, refresh: async () => ({ ok: false, error: '-14020' }), seedRefreshToken: async () => 'seed', clock, options });
    await expect(manager.accessToken()).rejects.toBeInstanceOf(ZaloTokenRefreshError);
    expect(store.tokens).toEqual(expired);
    expect(store.lease).toBeUndefined();
  });

  it('a fresh token is used as it is; the seed is used only while nothing is stored', async () => {
    const fresh = { ...expired, accessExpiresAt: '2026-03-11T00:00:00.000Z' };
    const oauth = fakeOauth('seed');
    expect(await new ZaloTokenManager({ store: new InMemoryZaloTokenStore(fresh), refresh: oauth.refresh, seedRefreshToken: async () => 'seed', clock, options }).accessToken()).toBe('a0');
    const empty = new InMemoryZaloTokenStore();
    expect(await new ZaloTokenManager({ store: empty, refresh: oauth.refresh, seedRefreshToken: async () => 'seed', clock, options }).accessToken()).toBe('a1');
    expect(oauth.calls).toEqual(['seed']);
    expect(empty.tokens?.version).toBe(1);
  });

  it('a fresh token is read once per container and then held in memory; only a refresh writes; a rejection reads the row again', async () => {
    const store = new InMemoryZaloTokenStore(expired);
    const oauth = fakeOauth();
    let reads = 0;
    const read = store.read.bind(store);
    store.read = async () => (reads++, read());
    const manager = new ZaloTokenManager({ store, refresh: oauth.refresh, seedRefreshToken: async () => 'seed', clock, options });
    expect(await manager.accessToken()).toBe('a1'); // expired: refreshed and stored
    const afterRefresh = reads;
    for (let i = 0; i < 5; i++) expect(await manager.accessToken()).toBe('a1');
    expect(reads).toBe(afterRefresh);
    expect(store.tokens?.version).toBe(4);
    // Another container refreshed meanwhile; ours is refused: the row is read, its token used, no second refresh.
    store.tokens = { ...store.tokens!, accessToken: 'a-other', version: 5 };
    expect(await manager.afterRejection('a1')).toBe('a-other');
    expect(await manager.accessToken()).toBe('a-other');
    expect(oauth.calls).toEqual(['r0']);
  });

  it('after a rejection, refreshes once, unless another sender already replaced the token', async () => {
    const store = new InMemoryZaloTokenStore({ ...expired, accessExpiresAt: '2026-03-11T00:00:00.000Z' });
    const oauth = fakeOauth();
    const manager = new ZaloTokenManager({ store, refresh: oauth.refresh, seedRefreshToken: async () => 'seed', clock, options });
    expect(await manager.afterRejection('a0')).toBe('a1');
    expect(await manager.afterRejection('a0')).toBe('a1');
    expect(oauth.calls).toEqual(['r0']);
  });

  it('reports the refresh token age for the 80-day alarm', async () => {
    const ages: number[] = [];
    const store = new InMemoryZaloTokenStore({ ...expired, accessExpiresAt: '2026-03-11T00:00:00.000Z' });
    await new ZaloTokenManager({ store, refresh: fakeOauth().refresh, seedRefreshToken: async () => 'seed', clock, options, onRefreshTokenAge: (d) => ages.push(d) }).accessToken();
    expect(ages[0]).toBeCloseTo(37.08, 1);
  });
});
