import type { Rounding } from './fee-schedule';

/** Percentages are carried as integer parts per million so that 0.01% is exact. */
export const PPM = 1_000_000n;

export function percentToPpm(percent: number): bigint {
  return BigInt(Math.round(percent * 10_000));
}

/** Divides two non-negative integers, rounding the quotient as the rule says. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): number {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const rounded = rounding === 'half_up' && 2n * remainder >= denominator ? quotient + 1n : quotient;
  return Number(rounded);
}

/** `percent`% of `amount`, rounded once. */
export function percentOf(amount: number, percent: number, rounding: Rounding): number {
  return divideRounded(BigInt(amount) * percentToPpm(percent), PPM, rounding);
}

/** 2000 → "2.000", the way Vietnamese receipts write amounts. */
export function formatVnd(amount: number | bigint): string {
  return amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 0.5 → "0,5%". */
export function formatPercent(percent: number): string {
  return `${String(percent).replace('.', ',')}%`;
}
