import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../../../../../shared/modules/catalogue/use-cases/validate-catalogue';
import { quoteFees } from '../../../../../../shared/modules/fees/domain/quote';
import type { FeeQuoteRequest } from '../../../../../../shared/modules/fees/domain/fee-quote';
import { BeneficiaryCategorySchema } from '../../../../../../shared/platform/api/common';
import { seedCatalogueJson } from '../../../../../support/fee-fixtures';

const catalogue = validateCatalogue(seedCatalogueJson());
const procedures = catalogue.procedures;
const now = new Date('2026-03-01T02:00:00Z');

function quote(request: FeeQuoteRequest) {
  const procedure = procedures.find((p) => p.code === request.procedureCode)!;
  const agency = catalogue.agencies.find((a) => a.code === procedure.agencyCode);
  return quoteFees(request, { procedure, agency, postageTariff: catalogue.postageTariff, now });
}

/** Inputs that satisfy every rule kind of the seed catalogue. */
const inputsArb = fc.record({
  pages: fc.integer({ min: 1, max: 5_000 }),
  copies: fc.integer({ min: 1, max: 50 }),
  signatures: fc.integer({ min: 1, max: 20 }),
  persons: fc.integer({ min: 1, max: 500 }),
  certificates: fc.integer({ min: 1, max: 50 }),
  declaredValue: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  onTime: fc.boolean(),
});

const requestArb = fc.record({
  procedureCode: fc.constantFrom(...procedures.map((p) => p.code)),
  inputs: inputsArb,
  beneficiary: fc.option(fc.record({ category: fc.constantFrom(...BeneficiaryCategorySchema.options), evidenceRef: fc.constant('EV-1') }), { nil: undefined }),
  delivery: fc.option(fc.record({ provinceCode: fc.constantFrom('01', '31', '79') }), { nil: undefined }),
  cellPick: fc.nat(),
}).map(({ procedureCode, inputs, beneficiary, delivery, cellPick }) => {
  const procedure = procedures.find((p) => p.code === procedureCode)!;
  // A matrix rule needs a combination it prices: take one of its cells.
  const cells = procedure.schedules.flatMap((s) => s.rules.flatMap((r) => (r.type === 'matrix' ? r.cells : [])));
  const cell = cells[cellPick % Math.max(1, cells.length)];
  return {
    procedureCode,
    channel: procedure.channels[0]!,
    inputs: cell ? { ...inputs, applicantType: cell.applicantType, assetType: cell.assetType } : inputs,
    ...(beneficiary ? { beneficiary } : {}),
    ...(delivery && procedure.postalReturnAllowed ? { delivery } : {}),
  } as FeeQuoteRequest;
});

describe('Property: quoteFees', () => {
  it('total equals the sum of the lines, every amount is a non-negative integer', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const q = quote(request);
        expect(q.total).toBe(q.items.reduce((s, i) => s + i.amount, 0));
        for (const amount of [q.total, ...q.items.map((i) => i.amount), ...q.reductions.map((r) => r.amount)]) {
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('is deterministic: the same input gives the same quote', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(quote(request)).toEqual(quote(structuredClone(request)));
      }),
      { numRuns: 500 },
    );
  });

  it('never decreases when a counted unit grows', () => {
    const unit = fc.constantFrom('pages', 'copies', 'persons', 'certificates', 'declaredValue' as const);
    fc.assert(
      fc.property(requestArb, unit, fc.integer({ min: 1, max: 1_000 }), (request, key, more) => {
        const bigger = { ...request, inputs: { ...request.inputs, [key]: (request.inputs[key] as number) + more } };
        expect(quote(bigger).total).toBeGreaterThanOrEqual(quote(request).total);
      }),
      { numRuns: 2_000 },
    );
  });

  it('respects the per-copy cap of copy certification', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100 }), (pages, copies) => {
        const q = quote({ procedureCode: '2.000815', channel: 'counter', inputs: { pages, copies } });
        expect(q.total).toBeLessThanOrEqual(200_000 * copies);
      }),
    );
  });

  it('respects the maximum of the registration fee on land', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (declaredValue) => {
        expect(quote({ procedureCode: '1.005398', channel: 'counter', inputs: { declaredValue } }).total).toBeLessThanOrEqual(500_000_000);
      }),
    );
  });

  it('an exemption zeroes only the lines it applies to', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const exempted = { ...request, beneficiary: { category: 'child' as const, evidenceRef: 'GKS-1' } };
        const plain = { ...request, beneficiary: undefined };
        const withExemption = quote(exempted);
        const without = quote(plain);
        const procedure = procedures.find((p) => p.code === request.procedureCode)!;
        const schedule = procedure.schedules.find((s) => s.version === without.scheduleVersion)!;
        const exemptRules = new Set(
          schedule.reductions
            .filter((r) => r.effect.type === 'exempt' && r.trigger.type === 'beneficiary' && r.trigger.category === 'child')
            .flatMap((r) => r.appliesTo ?? schedule.rules.map((rule) => rule.code)),
        );
        withExemption.items.forEach((item, i) => {
          if (exemptRules.has(item.code)) expect(item.amount).toBe(0);
          else expect(item.amount).toBe(without.items[i]!.amount);
        });
      }),
      { numRuns: 1_000 },
    );
  });
});
