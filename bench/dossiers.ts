import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../local/runtime';
import { DynamoDossierStore } from '../shared/modules/dossiers/dynamodb';
import { DynamoKpiStore } from '../shared/modules/kpis/dynamodb';
import { addCounts } from '../shared/modules/kpis/domain/counters';
import { newDossier } from '../shared/modules/dossiers/domain/register';
import { systemClock } from '../shared/platform/kernel/time';
import { applyEventToDossier } from '../shared/modules/dossiers/use-cases/apply-dossier-events';
import type { DossierEvent } from '../shared/modules/dossiers/api/dossier-events';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function token(baseUrl: string, body: object): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await res.json()) as { token: string }).token;
}

const fees = (total: number) => ({
  scheduleVersion: 'bench', submittedAt: '2026-05-10T02:00:00.000Z', assessedAt: '2026-05-10T02:00:00.000Z',
  items: [], reductions: [], total, currency: 'VND' as const,
});

/** Dossiers registered and counted through the store and the consumer's use case (no HTTP, for speed). */
async function seed(store: DynamoDossierStore, agencyCode: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const dossierNo = `BENCH-${agencyCode}-${i}`;
      const dossier = newDossier(dossierNo, {
        procedureCode: '2.000815', agencyCode, channel: i % 3 === 0 ? 'counter' : 'online', submittedAt: '2026-05-10T02:00:00Z',
        applicant: { citizenId: '031099012345', fullName: 'Bench', phone: '+84912345678' }, inputs: { pages: 1 },
      }, fees(i % 2 === 0 ? 2_000 : 0), 'bench', new Date());
      const event: DossierEvent = { type: 'DossierRegistered', version: 1, id: randomUUID(), occurredAt: new Date().toISOString(), dossierNo, channel: dossier.channel, feesTotal: dossier.fees.total };
      await store.create(dossier, []);
      await applyEventToDossier(store, systemClock, event);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function reportLatencyMs(baseUrl: string, agencyCode: string, runs = 200): Promise<number> {
  const auth = { authorization: `Bearer ${await token(baseUrl, { role: 'agency', agency: agencyCode })}` };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${baseUrl}/v1/reports/kpis?agencyCode=${agencyCode}&month=2026-05`, { headers: auth });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`KPI report answered ${res.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function measureKpiReport(runtime: LocalRuntime): Promise<{ small: number; large: number; ratio: number }> {
  const store = new DynamoDossierStore(runtime.container.documentClient, runtime.tableName);
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const smallAgency = `KPI1K-${suffix}`;
  const largeAgency = `KPI10K-${suffix}`;
  await seed(store, smallAgency, 1_000);
  await seed(store, largeAgency, 10_000);
  const days = await new DynamoKpiStore(runtime.container.documentClient, runtime.tableName).agencyDays(largeAgency, '2026-05-01', '2026-05-31');
  const counts = addCounts(...days.map((d) => d.counts));
  if (counts.dossiers !== 10_000) throw new Error(`seeding counted ${counts.dossiers} dossiers, expected 10000`);
  await reportLatencyMs(runtime.baseUrl, smallAgency, 50); // warm-up
  const small = await reportLatencyMs(runtime.baseUrl, smallAgency);
  const large = await reportLatencyMs(runtime.baseUrl, largeAgency);
  return { small, large, ratio: large / small };
}
