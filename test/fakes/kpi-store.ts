import { addCounts, counterDay, type KpiCounts, type KpiIncrements } from '../../shared/modules/kpis/domain/counters';
import type { AgencyEntry, PeriodRollup, RankedAgencyCounts, RollupHeader } from '../../shared/modules/kpis/domain/period-rollup';
import type { PeriodKind } from '../../shared/modules/kpis/domain/periods';
import type { RankingScope } from '../../shared/modules/kpis/domain/rollup';
import { RANKING_PAGE_ROWS } from '../../shared/modules/kpis/keys';
import type { AgencyDirectory, AgencyProfile, AgencyTargets, DayCounts, KpiStore } from '../../shared/modules/kpis/ports';

/**
 * KPI counters, rollups and targets in memory with the DynamoDB store's rules: counters add by
 * (agency, submission day in Viet Nam); a rollup or a target is replaced only by a newer one; a
 * ranking is kept in pages of {@link RANKING_PAGE_ROWS}, read page by page.
 */
export class InMemoryKpiStore implements KpiStore {
  readonly days = new Map<string, KpiCounts>();
  readonly rollups = new Map<string, PeriodRollup>();
  readonly targets = new Map<string, Record<string, AgencyTargets>>();
  /**
   * What was read, so tests can hold a report to a fixed number of reads: calls, ranking pages and
   * agencies' rows read, target items read one by one, whole years of targets and counter queries.
   */
  readonly reads = { agencyDays: 0, monthDays: 0, rollupHeader: 0, rankingPages: 0, rankingRows: 0, targetItems: 0, allTargetsOf: 0 };

  add(agencyCode: string, submittedAt: string, increments: KpiIncrements): this {
    const key = `${agencyCode}#${counterDay(submittedAt)}`;
    this.days.set(key, addCounts(this.days.get(key) ?? {}, increments));
    return this;
  }

  private all(): DayCounts[] {
    return [...this.days].map(([key, counts]) => {
      const cut = key.lastIndexOf('#');
      return { agencyCode: key.slice(0, cut), day: key.slice(cut + 1), counts };
    });
  }

  async agencyDays(agencyCode: string, firstDay: string, lastDay: string): Promise<readonly DayCounts[]> {
    this.reads.agencyDays++;
    return this.all().filter((d) => d.agencyCode === agencyCode && d.day >= firstDay && d.day <= lastDay);
  }

  async monthDays(month: string): Promise<readonly DayCounts[]> {
    this.reads.monthDays++;
    return this.all().filter((d) => d.day.startsWith(`${month}-`));
  }

  async rollupHeader(kind: PeriodKind, id: string): Promise<RollupHeader | undefined> {
    this.reads.rollupHeader++;
    const stored = this.rollups.get(`${kind}#${id}`);
    if (!stored) return undefined;
    const { rankings: _rankings, ...header } = stored;
    return header;
  }

  async rankingRows(kind: PeriodKind, id: string, scope: RankingScope, offset: number, limit: number): Promise<readonly RankedAgencyCounts[]> {
    const all = this.rollups.get(`${kind}#${id}`)?.rankings[scope] ?? [];
    if (limit <= 0) return [];
    const first = Math.floor(offset / RANKING_PAGE_ROWS);
    const last = Math.min(Math.floor((offset + limit - 1) / RANKING_PAGE_ROWS), Math.ceil(all.length / RANKING_PAGE_ROWS) - 1);
    const pages = all.slice(first * RANKING_PAGE_ROWS, (last + 1) * RANKING_PAGE_ROWS);
    this.reads.rankingPages += Math.max(0, last - first + 1);
    this.reads.rankingRows += pages.length;
    return pages.slice(offset - first * RANKING_PAGE_ROWS, offset - first * RANKING_PAGE_ROWS + limit);
  }

  async putRollups(rollups: readonly PeriodRollup[]): Promise<void> {
    for (const r of rollups) {
      const stored = this.rollups.get(`${r.kind}#${r.id}`);
      if (!stored || stored.computedAt <= r.computedAt) this.rollups.set(`${r.kind}#${r.id}`, r);
    }
  }

  async targetsOf(year: string, agencyCodes: readonly string[]): Promise<Readonly<Record<string, AgencyTargets>>> {
    const all = this.targets.get(year) ?? {};
    const codes = [...new Set(agencyCodes)];
    this.reads.targetItems += codes.length;
    return Object.fromEntries(codes.filter((code) => all[code]).map((code) => [code, all[code]!]));
  }

  async allTargetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>> {
    this.reads.allTargetsOf++;
    return { ...this.targets.get(year) };
  }

  async setTargets(year: string, agencyCode: string, targets: AgencyTargets): Promise<void> {
    const all = this.targets.get(year) ?? {};
    const stored = all[agencyCode];
    if (!stored || stored.updatedAt <= targets.updatedAt) all[agencyCode] = targets;
    this.targets.set(year, all);
  }
}

/** A catalogue of agencies as the kpis module sees it, listed in code order. */
export function fakeDirectory(profiles: Readonly<Record<string, AgencyProfile>>): AgencyDirectory {
  return {
    profile: async (code) => profiles[code],
    agencies: async (): Promise<AgencyEntry[]> =>
      Object.entries(profiles)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([agencyCode, p]) => ({ agencyCode, level: p.level, ...(p.name ? { name: p.name } : {}) })),
  };
}
