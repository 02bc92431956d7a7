import { addCounts, counterDay, type KpiCounts, type KpiIncrements } from '../../shared/modules/kpis/domain/counters';
import type { PeriodKind } from '../../shared/modules/kpis/domain/periods';
import type { AgencyDirectory, AgencyProfile, AgencyTargets, DayCounts, KpiStore, Rollup } from '../../shared/modules/kpis/ports';

/**
 * KPI counters, rollups and targets in memory with the DynamoDB store's rules: counters add by
 * (agency, submission day in Viet Nam); a rollup or a target is replaced only by a newer one.
 */
export class InMemoryKpiStore implements KpiStore {
  readonly days = new Map<string, KpiCounts>();
  readonly rollups = new Map<string, Rollup>();
  readonly targets = new Map<string, Record<string, AgencyTargets>>();
  /** Counts of reads, so tests can hold a report to a fixed number of them. */
  readonly reads = { agencyDays: 0, monthDays: 0, getRollup: 0, targetsOf: 0 };

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

  async getRollup(kind: PeriodKind, id: string): Promise<Rollup | undefined> {
    this.reads.getRollup++;
    return this.rollups.get(`${kind}#${id}`);
  }

  async putRollups(rollups: readonly Rollup[]): Promise<void> {
    for (const r of rollups) {
      const stored = this.rollups.get(`${r.kind}#${r.id}`);
      if (!stored || stored.computedAt <= r.computedAt) this.rollups.set(`${r.kind}#${r.id}`, r);
    }
  }

  async targetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>> {
    this.reads.targetsOf++;
    return { ...this.targets.get(year) };
  }

  async setTargets(year: string, agencyCode: string, targets: AgencyTargets): Promise<void> {
    const all = this.targets.get(year) ?? {};
    const stored = all[agencyCode];
    if (!stored || stored.updatedAt <= targets.updatedAt) all[agencyCode] = targets;
    this.targets.set(year, all);
  }
}

/** A catalogue of agencies as the kpis module sees it. */
export function fakeDirectory(profiles: Readonly<Record<string, AgencyProfile>>): AgencyDirectory {
  return { profile: async (code) => profiles[code] };
}
