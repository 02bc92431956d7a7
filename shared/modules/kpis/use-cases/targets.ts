import { ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import type { Principal } from '../../../platform/http/principal';
import { KPI_RATE_DEFINITIONS, ratio } from '../domain/rates';
import { proposeTargets, TARGET_KEYS, type ProposedTarget, type TargetKey, type Targets } from '../domain/targets';
import { parsePeriod } from '../domain/periods';
import type { AgencyDirectory, AgencyTargets, KpiCounterReader, RollupStore, TargetStore } from '../ports';
import { readRollup } from './read-rollup';

export interface TargetDeps {
  readonly store: KpiCounterReader & TargetStore & RollupStore;
  readonly directory: AgencyDirectory;
  readonly clock: Clock;
}

function cityOnly(principal: Principal): void {
  if (principal.kind !== 'city') throw new ForbiddenError('Targets are set by the city role');
}

/** Sets (replaces) one agency's targets for a year. Idempotent: the same body leaves the same state. */
export async function setAgencyTargets(
  deps: TargetDeps,
  principal: Principal,
  agencyCode: string,
  year: string,
  targets: Targets,
): Promise<{ agencyCode: string; year: string } & AgencyTargets> {
  cityOnly(principal);
  if (!(await deps.directory.profile(agencyCode))) {
    throw new NotFoundError(`No agency ${agencyCode}`, { details: [{ path: 'agencyCode', message: 'not in the catalogue' }] });
  }
  const saved = { targets, updatedAt: deps.clock.now().toISOString() };
  await deps.store.setTargets(year, agencyCode, saved);
  return { agencyCode, year, ...saved };
}

export interface TargetProposal {
  readonly year: string;
  /** The year whose volumes and rates the proposal weighs (the one before). */
  readonly basedOn: string;
  readonly goals: Targets;
  readonly proposals: Readonly<Partial<Record<TargetKey, readonly ProposedTarget[]>>>;
}

/**
 * Proposes targets for `year` from the city-wide goals and last year's rollup: each agency weighted
 * by its volume of that rate's denominator (the 2023 method, see proposeTargets). Every agency of the
 * catalogue gets one, those that filed nothing last year included (share 0). Nothing is saved: the
 * official edits and then PUTs each agency's targets.
 */
export async function proposeAgencyTargets(deps: TargetDeps, principal: Principal, year: string, goals: Targets): Promise<TargetProposal> {
  cityOnly(principal);
  const basedOn = String(Number(year) - 1);
  const { rows: agencies } = await readRollup(deps, parsePeriod('year', basedOn), 'city');
  const proposals: Partial<Record<TargetKey, readonly ProposedTarget[]>> = {};
  for (const key of TARGET_KEYS) {
    const goal = goals[key];
    if (goal === undefined) continue;
    const { numerator, denominator } = KPI_RATE_DEFINITIONS[key];
    proposals[key] = proposeTargets(
      goal,
      agencies.map((a) => ({ agencyCode: a.agencyCode, dossiers: a.counts[denominator], actual: ratio(a.counts[numerator], a.counts[denominator]) })),
    );
  }
  return { year, basedOn, goals, proposals };
}
