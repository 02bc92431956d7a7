import type { CatalogueReader, Page } from './ports';
import type { Agency, ProcedureDefinition } from './domain/catalogue';
import type { PostageTariff } from '../fees';
import type { Clock } from '../../platform/kernel/time';
import { systemClock } from '../../platform/kernel/time';

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/**
 * Keeps catalogue reads in the Lambda container for a short time. The catalogue is reference data
 * that operators change rarely; a quote must not pay a database round trip for it every time.
 * Registered dossiers lock their amounts, so a stale read can only affect a quote for `ttlMs`.
 */
export class CachedCatalogue implements CatalogueReader {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly inner: CatalogueReader,
    private readonly ttlMs = 60_000,
    private readonly clock: Clock = systemClock,
  ) {}

  getProcedure(code: string): Promise<ProcedureDefinition | undefined> {
    return this.cached(`procedure:${code}`, () => this.inner.getProcedure(code));
  }

  listProcedures(page: { limit: number; cursor?: string }): Promise<Page<ProcedureDefinition>> {
    return this.inner.listProcedures(page);
  }

  getAgency(code: string): Promise<Agency | undefined> {
    return this.cached(`agency:${code}`, () => this.inner.getAgency(code));
  }

  listAgencies(): Promise<readonly Agency[]> {
    return this.cached('agencies', () => this.inner.listAgencies());
  }

  getPostageTariff(): Promise<PostageTariff | undefined> {
    return this.cached('postage-tariff', () => this.inner.getPostageTariff());
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as T;
    const value = await load();
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    return value;
  }
}
