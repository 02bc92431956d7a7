import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../support/api-client';
import { runOperatorScript } from '../support/operator';
import { FEE_FIXTURES, seedCatalogueJson, withFloorRoundingVariant } from '../support/fee-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'toantrinh-catalogue-'));

function catalogueImport(file: string) {
  return runOperatorScript('scripts/catalogue-import.ts', [file]);
}

// The operator import adds the floor-rounding variant that fixture 15b quotes below.
beforeAll(() => {
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(withFloorRoundingVariant(seedCatalogueJson())));
  const result = catalogueImport(file);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/Imported \d+ procedures, \d+ agencies and postage tariff/);
}, 60_000);

describe('Operator: npm run catalogue:import', () => {
  it('makes an imported procedure visible in GET /v1/procedures', async () => {
    const codes: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api(`/v1/procedures?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      codes.push(...page.json.items.map((p: { code: string }) => p.code));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(codes).toContain('1.005398.floor');
    expect((await api('/v1/procedures/1.005398.floor')).json.feesInForce.rules[0].rounding).toBe('floor');
  });

  it('refuses an invalid file, names the entry and imports nothing', async () => {
    const bad = withFloorRoundingVariant(seedCatalogueJson());
    bad.procedures.push({ ...structuredClone(bad.procedures[0]), code: '9.000001' });
    bad.procedures.at(-1).schedules[0].rules[0].type = 'per_moon';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = catalogueImport(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stderr).toMatch(/procedures\[\d+\]\(9\.000001\)\.schedules\[0\]\(.+\)\.rules\[0\]\(.+\)\.type/);
    expect((await api('/v1/procedures/9.000001')).status).toBe(404);
  }, 60_000);
});

describe('POST /v1/fees/quote: every domain.md fixture over HTTP', () => {
  it.each(FEE_FIXTURES)('fixture $id → $total VND', async ({ request, total, basis }) => {
    const res = await api('/v1/fees/quote', { body: request });
    expect(res.status, res.text).toBe(200);
    expect(res.json.total).toBe(total);
    expect(res.json.currency).toBe('VND');
    if (basis) expect(res.json.items[0].basis).toBe(basis);
  });

  it.each([
    ['fractional pages', { procedureCode: '2.000815', channel: 'online', inputs: { pages: 2.5 } }, 400, 'inputs.pages'],
    ['a missing per-unit input', { procedureCode: '2.000815', channel: 'online', inputs: {} }, 400, 'inputs.pages'],
    ['a channel the procedure does not allow', { procedureCode: '2.001229', channel: 'postal', inputs: { declaredValue: 1 } }, 422, 'channel'],
    ['a date outside every schedule', { procedureCode: '2.000815', channel: 'online', inputs: { pages: 1 }, submittedAt: '2001-01-01T00:00:00Z' }, 422, 'submittedAt'],
    ['a beneficiary without evidence', { procedureCode: '2.000488', channel: 'online', inputs: { certificates: 1 }, beneficiary: { category: 'child' } }, 400, 'beneficiary.evidenceRef'],
  ])('refuses %s with %i naming the field', async (_case, body, status, path) => {
    const res = await api('/v1/fees/quote', { body });
    expect(res.status).toBe(status);
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('adds postage for a postal return as its own line', async () => {
    const res = await api('/v1/fees/quote', { body: { procedureCode: '2.000815', channel: 'online', inputs: { pages: 1 }, delivery: { provinceCode: '79' } } });
    expect(res.json.items.map((i: { kind: string }) => i.kind)).toEqual(['fee', 'postage']);
    expect(res.json.total).toBe(2_000 + res.json.items[1].amount);
  });
});
