import type { FeeInputs, UnitInput } from './fee-inputs';
import type { FeeRule, OnlinePrice } from './fee-schedule';
import { Channels, type Channel } from '../../../platform/kernel/vocabulary';
import { isWithin } from '../../../platform/kernel/time';
import { MissingInputError, NoRateError } from './errors';
import { divideRounded, formatPercent, formatVnd, percentOf, percentToPpm, PPM } from './money';

/** A rule's price for one dossier, with the arithmetic that produced it. */
export interface RulePrice {
  readonly amount: number;
  readonly basis: string;
}

const UNIT_LABEL_VI: Record<UnitInput, string> = {
  pages: 'trang',
  copies: 'bản',
  signatures: 'chữ ký',
  persons: 'người',
  certificates: 'phiếu',
};

function requireInput<K extends keyof FeeInputs>(inputs: FeeInputs, key: K, rule: FeeRule): NonNullable<FeeInputs[K]> {
  const value = inputs[key];
  if (value === undefined || value === null) throw new MissingInputError(key, rule.code);
  return value as NonNullable<FeeInputs[K]>;
}

type RuleOf<T extends FeeRule['type']> = Extract<FeeRule, { type: T }>;

function flat(rule: RuleOf<'flat'>): RulePrice {
  return { amount: rule.amount, basis: `mức thu ${formatVnd(rule.amount)}/hồ sơ` };
}

function perUnit(rule: RuleOf<'per_unit'>, inputs: FeeInputs): RulePrice {
  const units = requireInput(inputs, rule.unit, rule);
  const multiples = rule.multiplier ? (inputs[rule.multiplier] ?? 1) : 1;
  const parts: string[] = [];
  let perMultiple = 0;
  for (const tier of rule.tiers) {
    const inTier = Math.max(0, Math.min(units, tier.to ?? Number.POSITIVE_INFINITY) - tier.from + 1);
    if (inTier === 0) continue;
    perMultiple += inTier * tier.rate;
    parts.push(`${inTier}×${formatVnd(tier.rate)}`);
  }
  const capped = rule.cap !== undefined && perMultiple > rule.cap;
  const perMultipleDue = capped ? rule.cap! : perMultiple;
  const what = `${units} ${UNIT_LABEL_VI[rule.unit]}`;
  const per = rule.multiplier ? ` × ${multiples} ${UNIT_LABEL_VI[rule.multiplier]}` : '';
  let basis = `${what}${per}: ${parts.join(' + ')}`;
  if (capped) basis += ` = ${formatVnd(perMultiple)}, tối đa ${formatVnd(rule.cap!)}`;
  if (multiples > 1) basis += ` (${formatVnd(perMultipleDue)} × ${multiples})`;
  return { amount: perMultipleDue * multiples, basis };
}

function basePlusSurcharge(rule: RuleOf<'base_plus_surcharge'>, inputs: FeeInputs): RulePrice {
  const units = requireInput(inputs, rule.unit, rule);
  const extra = Math.max(0, units - rule.includedUnits);
  const basis =
    extra > 0
      ? `${units} ${UNIT_LABEL_VI[rule.unit]}: ${formatVnd(rule.base)} + ${extra}×${formatVnd(rule.surchargePerUnit)}`
      : `${units} ${UNIT_LABEL_VI[rule.unit]}: ${formatVnd(rule.base)}`;
  return { amount: rule.base + extra * rule.surchargePerUnit, basis };
}

function percentOfValue(rule: RuleOf<'percent_of_value'>, inputs: FeeInputs): RulePrice {
  const value = requireInput(inputs, 'declaredValue', rule);
  const raw = percentOf(value, rule.percent, rule.rounding);
  let amount = raw;
  let basis = `${formatPercent(rule.percent)} × ${formatVnd(value)} = ${formatVnd(raw)}`;
  if (rule.min !== undefined && amount < rule.min) {
    amount = rule.min;
    basis += `, tối thiểu ${formatVnd(rule.min)}`;
  }
  if (rule.max !== undefined && amount > rule.max) {
    amount = rule.max;
    basis += `, tối đa ${formatVnd(rule.max)}`;
  }
  return { amount, basis };
}

/** Like income tax: each band's rate applies only to the part of the value inside it; one rounding. */
function marginalBands(rule: RuleOf<'marginal_bands'>, inputs: FeeInputs): RulePrice {
  const value = requireInput(inputs, 'declaredValue', rule);
  let lower = 0;
  let numerator = 0n;
  const parts: string[] = [];
  for (const band of rule.bands) {
    const upper = band.upTo ?? Number.POSITIVE_INFINITY;
    const portion = Math.max(0, Math.min(value, upper) - lower);
    if (portion > 0) {
      numerator += BigInt(portion) * percentToPpm(band.percent);
      parts.push(`${formatPercent(band.percent)} × ${formatVnd(portion)}`);
    }
    if (value <= upper) break;
    lower = upper;
  }
  return { amount: divideRounded(numerator, PPM, rule.rounding), basis: parts.join(' + ') || '0' };
}

function matrix(rule: RuleOf<'matrix'>, inputs: FeeInputs): RulePrice {
  const applicantType = requireInput(inputs, 'applicantType', rule);
  const assetType = requireInput(inputs, 'assetType', rule);
  const cell = rule.cells.find((c) => c.applicantType === applicantType && c.assetType === assetType);
  if (!cell) {
    throw new NoRateError(`Fee rule ${rule.code} has no rate for ${applicantType} × ${assetType}`, {
      details: [{ path: 'inputs.assetType', message: `no rate for ${applicantType} × ${assetType}` }],
    });
  }
  return { amount: cell.amount, basis: `${applicantType} × ${assetType}: ${formatVnd(cell.amount)}` };
}

/** The counter price of a rule: what the circular sets before any channel discount or reduction. */
export function priceRule(rule: FeeRule, inputs: FeeInputs): RulePrice {
  switch (rule.type) {
    case 'flat':
      return flat(rule);
    case 'per_unit':
      return perUnit(rule, inputs);
    case 'base_plus_surcharge':
      return basePlusSurcharge(rule, inputs);
    case 'percent_of_value':
      return percentOfValue(rule, inputs);
    case 'marginal_bands':
      return marginalBands(rule, inputs);
    case 'matrix':
      return matrix(rule, inputs);
  }
}

function onlinePrice(online: OnlinePrice, counter: RulePrice, rule: FeeRule, inputs: FeeInputs): RulePrice {
  switch (online.type) {
    case 'free':
      return { amount: 0, basis: `${counter.basis}; nộp trực tuyến: miễn` };
    case 'percent': {
      const amount = percentOf(counter.amount, online.percent, rule.rounding);
      return { amount, basis: `${counter.basis}; nộp trực tuyến ${formatPercent(online.percent)}: ${formatVnd(amount)}` };
    }
    case 'amount': {
      if (!online.per) return { amount: online.amount, basis: `nộp trực tuyến: ${formatVnd(online.amount)}/hồ sơ` };
      const units = requireInput(inputs, online.per, rule);
      return {
        amount: online.amount * units,
        basis: `nộp trực tuyến: ${units} ${UNIT_LABEL_VI[online.per]} × ${formatVnd(online.amount)}`,
      };
    }
  }
}

/** The price of a rule for a dossier submitted on `date` (Viet Nam) through `channel`. */
export function priceRuleForChannel(rule: FeeRule, inputs: FeeInputs, channel: Channel, date: string): RulePrice {
  const counter = priceRule(rule, inputs);
  if (channel !== Channels.ONLINE || !rule.online || !isWithin(date, rule.online)) return counter;
  return onlinePrice(rule.online, counter, rule, inputs);
}
