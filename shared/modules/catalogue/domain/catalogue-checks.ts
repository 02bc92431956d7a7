import type { FeeRule, FeeSchedule } from '../../fees';
import type { FieldIssue } from '../../../platform/kernel/errors';
import type { CatalogueFile, ProcedureDefinition } from './catalogue';

/**
 * The checks a schema cannot make on one field: across entries (unknown agency, duplicate codes,
 * overlapping validity windows) and within a list (tiers without gaps, ascending bands).
 */

function tierIssues(rule: Extract<FeeRule, { type: 'per_unit' }>, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let expectedFrom = 1;
  rule.tiers.forEach((tier, i) => {
    if (tier.from !== expectedFrom) issues.push({ path: `${at}.tiers[${i}].from`, message: `must be ${expectedFrom}` });
    const last = i === rule.tiers.length - 1;
    if (tier.to === undefined && !last) issues.push({ path: `${at}.tiers[${i}].to`, message: 'only the last tier may be open-ended' });
    if (tier.to !== undefined && tier.to < tier.from) issues.push({ path: `${at}.tiers[${i}].to`, message: 'must be ≥ from' });
    if (tier.to === undefined && last) return;
    if (last) issues.push({ path: `${at}.tiers[${i}].to`, message: 'the last tier must be open-ended' });
    expectedFrom = (tier.to ?? 0) + 1;
  });
  return issues;
}

function ruleIssues(rule: FeeRule, at: string): FieldIssue[] {
  switch (rule.type) {
    case 'per_unit':
      return tierIssues(rule, at);
    case 'percent_of_value':
      return rule.min !== undefined && rule.max !== undefined && rule.min > rule.max
        ? [{ path: `${at}.min`, message: 'must not exceed max' }]
        : [];
    case 'marginal_bands': {
      const issues: FieldIssue[] = [];
      rule.bands.forEach((band, i) => {
        const last = i === rule.bands.length - 1;
        if (last !== (band.upTo === undefined)) issues.push({ path: `${at}.bands[${i}].upTo`, message: 'only the last band is open-ended' });
        const previous = rule.bands[i - 1]?.upTo;
        if (band.upTo !== undefined && previous !== undefined && band.upTo <= previous) {
          issues.push({ path: `${at}.bands[${i}].upTo`, message: 'bands must ascend' });
        }
      });
      return issues;
    }
    case 'matrix': {
      const seen = new Set<string>();
      return rule.cells.flatMap((cell, i) => {
        const key = `${cell.applicantType}|${cell.assetType}`;
        if (seen.has(key)) return [{ path: `${at}.cells[${i}]`, message: `duplicate cell ${cell.applicantType} × ${cell.assetType}` }];
        seen.add(key);
        return [];
      });
    }
    default:
      return [];
  }
}

function scheduleIssues(schedule: FeeSchedule, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (schedule.validTo !== undefined && schedule.validTo < schedule.validFrom) {
    issues.push({ path: `${at}.validTo`, message: 'must not be before validFrom' });
  }
  const codes = new Set<string>();
  schedule.rules.forEach((rule, i) => {
    if (codes.has(rule.code)) issues.push({ path: `${at}.rules[${i}].code`, message: `duplicate rule code ${rule.code}` });
    codes.add(rule.code);
    issues.push(...ruleIssues(rule, `${at}.rules[${i}]`));
  });
  schedule.reductions.forEach((reduction, i) => {
    for (const code of reduction.appliesTo ?? []) {
      if (!codes.has(code)) issues.push({ path: `${at}.reductions[${i}].appliesTo`, message: `no rule ${code} in this schedule` });
    }
  });
  return issues;
}

function overlaps(a: FeeSchedule, b: FeeSchedule): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

function procedureIssues(procedure: ProcedureDefinition, at: string, agencies: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!agencies.has(procedure.agencyCode)) issues.push({ path: `${at}.agencyCode`, message: `unknown agency ${procedure.agencyCode}` });
  const versions = new Set<string>();
  procedure.schedules.forEach((schedule, i) => {
    const scheduleAt = `${at}.schedules[${i}]`;
    if (versions.has(schedule.version)) issues.push({ path: `${scheduleAt}.version`, message: `duplicate version ${schedule.version}` });
    versions.add(schedule.version);
    issues.push(...scheduleIssues(schedule, scheduleAt));
    procedure.schedules.slice(0, i).forEach((earlier, j) => {
      if (overlaps(earlier, schedule)) {
        issues.push({ path: `${scheduleAt}`, message: `validity window overlaps schedules[${j}] (${earlier.version})` });
      }
    });
  });
  return issues;
}

/** Every problem of a well-formed catalogue, each named by the entry it is about; empty when it can be imported. */
export function catalogueIssues(catalogue: CatalogueFile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const agencies = new Set<string>();
  catalogue.agencies.forEach((agency, i) => {
    if (agencies.has(agency.code)) issues.push({ path: `agencies[${i}](${agency.code})`, message: 'duplicate agency code' });
    agencies.add(agency.code);
  });
  const procedures = new Set<string>();
  catalogue.procedures.forEach((procedure, i) => {
    const at = `procedures[${i}](${procedure.code})`;
    if (procedures.has(procedure.code)) issues.push({ path: at, message: 'duplicate procedure code' });
    procedures.add(procedure.code);
    issues.push(...procedureIssues(procedure, at, agencies));
  });
  catalogue.postageTariff.bands.forEach((band, i) => {
    const previous = catalogue.postageTariff.bands[i - 1];
    if (previous && band.upToGrams <= previous.upToGrams) {
      issues.push({ path: `postageTariff.bands[${i}].upToGrams`, message: 'bands must ascend' });
    }
  });
  return issues;
}
