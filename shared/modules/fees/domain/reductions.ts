import type { Beneficiary, FeeInputs } from './fee-inputs';
import type { FeeSchedule, Reduction, Rounding } from './fee-schedule';
import { formatPercent, formatVnd, percentOf } from './money';

export interface AppliedReduction {
  readonly reduction: Reduction;
  readonly amount: number;
}

function triggered(reduction: Reduction, inputs: FeeInputs, beneficiary: Beneficiary | undefined): boolean {
  const trigger = reduction.trigger;
  switch (trigger.type) {
    case 'beneficiary':
      // An evidenced category only: the schema refuses a beneficiary without an evidence reference.
      return beneficiary?.category === trigger.category;
    case 'input':
      return inputs[trigger.input] === trigger.equals;
  }
}

function discount(reduction: Reduction, amount: number, ruleRounding: Rounding): number {
  const effect = reduction.effect;
  switch (effect.type) {
    case 'exempt':
      return amount;
    case 'percent_off':
      return Math.min(amount, percentOf(amount, effect.percent, ruleRounding));
    case 'amount_off':
      return Math.min(amount, effect.amount);
  }
}

export function describeEffect(reduction: Reduction): string {
  const effect = reduction.effect;
  switch (effect.type) {
    case 'exempt':
      return 'miễn';
    case 'percent_off':
      return `giảm ${formatPercent(effect.percent)}`;
    case 'amount_off':
      return `giảm ${formatVnd(effect.amount)}`;
  }
}

/**
 * The reductions a line receives. Under `most_favourable` only the largest applies (ties go to the
 * first declared); under `stack` each applies in turn to what is left.
 */
export function reductionsForLine(
  schedule: Pick<FeeSchedule, 'reductions' | 'reductionPolicy'>,
  ruleCode: string,
  rounding: Rounding,
  amount: number,
  inputs: FeeInputs,
  beneficiary: Beneficiary | undefined,
): AppliedReduction[] {
  const candidates = schedule.reductions.filter(
    (r) => (r.appliesTo === undefined || r.appliesTo.includes(ruleCode)) && triggered(r, inputs, beneficiary),
  );
  if (schedule.reductionPolicy === 'stack') {
    const applied: AppliedReduction[] = [];
    let remaining = amount;
    for (const reduction of candidates) {
      const off = discount(reduction, remaining, rounding);
      if (off > 0) applied.push({ reduction, amount: off });
      remaining -= off;
    }
    return applied;
  }
  let best: AppliedReduction | undefined;
  for (const reduction of candidates) {
    const off = discount(reduction, amount, rounding);
    if (off > 0 && (best === undefined || off > best.amount)) best = { reduction, amount: off };
  }
  return best ? [best] : [];
}
