import { describe, expect, it } from 'vitest';
import { csvField, CSV_HEADERS, reportCsv, UTF8_BOM } from '../../../../../../shared/modules/kpis/use-cases/csv';
import { kpiReport } from '../../../../../../shared/modules/kpis/use-cases/report';
import { rollUpKpis } from '../../../../../../shared/modules/kpis/use-cases/rollup';
import { fakeDirectory, InMemoryKpiStore } from '../../../../../fakes/kpi-store';

const directory = fakeDirectory({ 'HP-STP': { name: 'Sở Tư pháp, "Hải Phòng"', level: 'department' }, 'HP-EVIL': { name: '=HYPERLINK("x")', level: 'commune' } });

async function cityCsv(): Promise<string> {
  const store = new InMemoryKpiStore()
    .add('HP-STP', '2026-03-10T02:00:00Z', { dossiers: 4, submittedOnline: 3, level4Completed: 1 })
    .add('HP-EVIL', '2026-03-12T02:00:00Z', { dossiers: 1 });
  await store.setTargets('2026', 'HP-STP', { targets: { onlineReceipt: 0.6 }, updatedAt: '2026-01-01T00:00:00Z' });
  await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-03-31T00:00:00Z') }, windowMonths: 1 });
  return reportCsv(await kpiReport({ store, directory }, { kind: 'city' }, { period: { kind: 'month', id: '2026-03' } }));
}

/** A minimal RFC 4180 reader, enough to read back what we write. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('reportCsv', () => {
  it('starts with the UTF-8 BOM and the Vietnamese headers, diacritics intact', async () => {
    const csv = await cityCsv();
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [headers] = parse(csv.slice(1));
    expect(headers).toEqual([...CSV_HEADERS]);
    expect(headers).toContain('Chênh lệch (điểm %)');
  });

  it('has one row per unit and rate: the city, each level, each agency, with percentages and targets', async () => {
    const rows = parse((await cityCsv()).slice(1)).slice(1);
    expect(rows).toHaveLength((1 + 2 + 2) * 8);
    const stp = rows.find((r) => r[3] === 'HP-STP' && r[7] === 'Tiếp nhận trực tuyến')!;
    expect(stp).toEqual(['2026-03', '2026-03-01', '2026-03-31', 'HP-STP', 'Sở Tư pháp, "Hải Phòng"', 'Sở, ban, ngành', '1', 'Tiếp nhận trực tuyến', '3', '4', '75', '60', '15', '']);
    expect(rows[0]!.slice(3, 5)).toEqual(['CITY', 'Toàn thành phố']);
  });

  it('never lets a cell start a formula', async () => {
    const rows = parse((await cityCsv()).slice(1));
    expect(rows.find((r) => r[3] === 'HP-EVIL')![4]).toBe(`'=HYPERLINK("x")`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
  });
});
