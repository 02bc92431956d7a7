import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeeQuoteRequest } from '../../shared/modules/fees/domain/fee-quote';

/** The seed catalogue the project ships. */
export function seedCatalogueJson(): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../data/catalogue.json', import.meta.url)), 'utf8'));
}

export interface FeeFixture {
  readonly id: string;
  readonly request: Omit<FeeQuoteRequest, 'inputs'> & { inputs?: FeeQuoteRequest['inputs'] };
  readonly total: number;
  /** Expected arithmetic of the first line, where domain.md gives one. */
  readonly basis?: string;
}

const at = (date: string) => `${date}T03:00:00Z`;

/** domain.md "Fixtures (inputs → expected VND)", one row per expected amount. */
export const FEE_FIXTURES: readonly FeeFixture[] = [
  { id: '1 copy certification, 1 page', request: { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 1, copies: 1 } }, total: 2_000 },
  { id: '2 copy certification, 3 pages', request: { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 3, copies: 1 } }, total: 5_000, basis: '3 trang × 1 bản: 2×2.000 + 1×1.000' },
  { id: '3 copy certification, 10 pages × 3 copies', request: { procedureCode: '2.000815', channel: 'online', inputs: { pages: 10, copies: 3 } }, total: 36_000 },
  { id: '4a copy certification, 197 pages', request: { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 197, copies: 1 } }, total: 199_000 },
  { id: '4b copy certification, 198 pages (cap)', request: { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 198, copies: 1 } }, total: 200_000 },
  { id: '4c copy certification, 250 pages (cap)', request: { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 250, copies: 1 } }, total: 200_000 },
  { id: '5 signature certification', request: { procedureCode: '2.000884', channel: 'counter', inputs: { signatures: 3 } }, total: 10_000 },
  { id: '6 criminal record, 3 certificates', request: { procedureCode: '2.000488', channel: 'online', inputs: { certificates: 3 } }, total: 205_000, basis: '3 phiếu: 200.000 + 1×5.000' },
  {
    id: '7 criminal record, student, 4 certificates',
    request: { procedureCode: '2.000488', channel: 'online', inputs: { certificates: 4 }, beneficiary: { category: 'student', evidenceRef: 'THE-SV-2026-001' } },
    total: 110_000,
  },
  {
    id: '8 criminal record, child',
    request: { procedureCode: '2.000488', channel: 'counter', inputs: { certificates: 1 }, beneficiary: { category: 'child', evidenceRef: 'GKS-123' } },
    total: 0,
  },
  { id: '9 permanent residence online', request: { procedureCode: '1.004194', channel: 'online' }, total: 10_000 },
  { id: '10 temporary residence by list, 12 persons online', request: { procedureCode: '1.004203', channel: 'online', inputs: { persons: 12 } }, total: 60_000 },
  { id: '11 passport online 2025-06-01', request: { procedureCode: '1.003551', channel: 'online', submittedAt: at('2025-06-01') }, total: 180_000 },
  { id: '12 passport online 2026-02-01', request: { procedureCode: '1.003551', channel: 'online', submittedAt: at('2026-02-01') }, total: 200_000 },
  { id: '13 birth registration on time', request: { procedureCode: '1.001193', channel: 'online', inputs: { onTime: true } }, total: 0 },
  { id: '14a registration fee, 3bn', request: { procedureCode: '1.005398', channel: 'online', inputs: { declaredValue: 3_000_000_000 } }, total: 15_000_000 },
  { id: '14b registration fee, 120bn (cap)', request: { procedureCode: '1.005398', channel: 'online', inputs: { declaredValue: 120_000_000_000 } }, total: 500_000_000 },
  { id: '15a registration fee half-up', request: { procedureCode: '1.005398', channel: 'counter', inputs: { declaredValue: 1_234_567_900 } }, total: 6_172_840 },
  { id: '15b registration fee floor', request: { procedureCode: '1.005398.floor', channel: 'counter', inputs: { declaredValue: 1_234_567_900 } }, total: 6_172_839 },
  { id: '16a enforcement fee, 6bn', request: { procedureCode: '2.001229', channel: 'counter', inputs: { declaredValue: 6_000_000_000 } }, total: 170_000_000 },
  { id: '16b enforcement fee, 20bn', request: { procedureCode: '2.001229', channel: 'counter', inputs: { declaredValue: 20_000_000_000 } }, total: 245_500_000 },
];

/**
 * Fixture 15 asks for the same 0.5% rule with floor rounding. Rounding is a per-rule setting, so
 * tests add a variant procedure rather than the seed catalogue carrying an invented one.
 */
export function withFloorRoundingVariant(catalogue: any): any {
  const original = catalogue.procedures.find((p: { code: string }) => p.code === '1.005398');
  const variant = structuredClone(original);
  variant.code = '1.005398.floor';
  variant.name = { vi: `${original.name.vi} (làm tròn xuống)`, en: `${original.name.en} (rounded down)` };
  for (const schedule of variant.schedules) for (const rule of schedule.rules) rule.rounding = 'floor';
  return { ...catalogue, procedures: [...catalogue.procedures, variant] };
}
