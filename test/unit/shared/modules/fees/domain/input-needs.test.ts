import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_MEANINGS, inputNeeds } from '../../../../../../shared/modules/fees/domain/input-needs';
import { FeeInputsSchema } from '../../../../../../shared/modules/fees/api/fee-inputs';
import type { FeeRule, Reduction } from '../../../../../../shared/modules/fees';
import type { CatalogueFile } from '../../../../../../shared/modules/catalogue/domain/catalogue';

const label = { vi: 'x', en: 'x' };
const base = { code: 'r', kind: 'fee', label, basis: 'TT', rounding: 'half_up' } as const;

describe('Function: inputNeeds', () => {
  it.each<[string, FeeRule, string[]]>([
    ['a flat rule reads nothing', { ...base, type: 'flat', amount: 1000 }, []],
    ['per unit: the unit is required, the multiplier defaults to one', { ...base, type: 'per_unit', unit: 'pages', multiplier: 'copies', tiers: [{ from: 1, rate: 2000 }] }, ['pages!', 'copies?']],
    ['base plus surcharge: the unit', { ...base, type: 'base_plus_surcharge', unit: 'certificates', base: 200000, includedUnits: 2, surchargePerUnit: 5000 }, ['certificates!']],
    ['a share of the value: the declared value', { ...base, type: 'percent_of_value', percent: 0.5 }, ['declaredValue!']],
    ['marginal bands: the declared value', { ...base, type: 'marginal_bands', bands: [{ percent: 0.1 }] }, ['declaredValue!']],
    ['a matrix: applicant type and asset type', { ...base, type: 'matrix', cells: [{ applicantType: 'individual', assetType: 'car_other', amount: 1 }] }, ['applicantType!', 'assetType!']],
    ['an online price per unit: that unit, online only', { ...base, type: 'flat', amount: 1000, online: { type: 'amount', amount: 500, per: 'pages' } }, ['pages!online']],
  ])('%s', (_case, rule, expected) => {
    const needs = inputNeeds({ rules: [rule], reductions: [] });
    expect(needs.map((n) => `${n.name}${n.required ? '!' : '?'}${n.channel ?? ''}`)).toEqual(expected);
  });

  it('lists an input once, required when any rule requires it on every channel, and reads input-triggered reductions', () => {
    const online: FeeRule = { ...base, code: 'a', type: 'flat', amount: 1, online: { type: 'amount', amount: 1, per: 'copies' } };
    const perCopy: FeeRule = { ...base, code: 'b', type: 'per_unit', unit: 'copies', tiers: [{ from: 1, rate: 1 }] };
    const onTime: Reduction = { code: 'ontime', trigger: { type: 'input', input: 'onTime', equals: true }, effect: { type: 'exempt' }, reason: label, basis: 'TT' };
    const needs = inputNeeds({ rules: [online, perCopy], reductions: [onTime] });
    expect(needs).toEqual([
      { name: 'copies', required: true, description: INPUT_MEANINGS.copies },
      { name: 'onTime', required: false, description: INPUT_MEANINGS.onTime },
    ]);
  });

  it('takes the procedure’s own wording of an input over the general meaning', () => {
    const rule: FeeRule = { ...base, type: 'per_unit', unit: 'pages', tiers: [{ from: 1, rate: 1 }] };
    const own = { vi: 'Số trang bản dịch', en: 'Pages of the translation' };
    expect(inputNeeds({ rules: [rule], reductions: [] }, { pages: own })[0]!.description).toEqual(own);
  });

  it('has a meaning in both languages for every input a quote takes', () => {
    expect(Object.keys(INPUT_MEANINGS).sort()).toEqual(Object.keys(FeeInputsSchema.shape).sort());
  });

  it('is told, for every procedure of the shipped catalogue, what each input it needs means, and of no input it does not need', () => {
    const catalogue = JSON.parse(readFileSync(new URL('../../../../../../data/catalogue.json', import.meta.url), 'utf8')) as CatalogueFile;
    const problems = catalogue.procedures.flatMap((procedure) => {
      const needed = new Set(procedure.schedules.flatMap((s) => inputNeeds({ rules: s.rules, reductions: s.reductions ?? [] }).map((n) => n.name)));
      const described = new Set(Object.keys(procedure.inputDescriptions ?? {}));
      return [
        ...[...needed].filter((n) => !described.has(n)).map((n) => `${procedure.code}: ${n} not described`),
        ...[...described].filter((n) => !needed.has(n as never)).map((n) => `${procedure.code}: ${n} described but not read`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
