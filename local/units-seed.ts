import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAdministrativeUnitsRepository } from '../shared/modules/addresses/dynamodb';
import { transactWriteAll } from '../shared/platform/dynamodb/batch-write';
import { parseAdministrativeUnitsCsv } from '../shared/modules/addresses/domain/administrative-units';

/** Told of each step of a start, for the banner (`npm start` prints them). */
export type StartProgress = (message: string) => void;

/** Seconds since `started` (a performance.now() reading), as the banner prints them. */
export const secondsSince = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/**
 * Loads the official provinces and communes CSVs of a folder when the table has no list yet, as an
 * operator's `npm run units:import` would, telling `progress` what it loads and how long it took.
 */
export async function loadAdministrativeUnitsIfEmpty(client: DynamoDBDocumentClient, tableName: string, dir: string, progress: StartProgress = () => undefined): Promise<void> {
  if (!existsSync(dir)) return;
  // One disk commit per 100 units instead of one per unit: the first start's longest step (batch-write.ts).
  const repository = new DynamoAdministrativeUnitsRepository(client, tableName, { bulkWrite: transactWriteAll });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const parsed = parseAdministrativeUnitsCsv(readFileSync(join(dir, file), 'utf8'));
    const list =
      parsed.kind === 'provinces'
        ? { count: parsed.provinces.length, isLoaded: () => repository.hasProvinces(), save: () => repository.saveProvinces(parsed.provinces) }
        : { count: parsed.communes.length, isLoaded: () => repository.hasCommunes(), save: () => repository.saveCommunes(parsed.communes) };
    if (await list.isLoaded()) {
      progress(`  ${parsed.kind}: already loaded`);
      continue;
    }
    const started = performance.now();
    progress(`  ${parsed.kind}: loading ${list.count.toLocaleString('en-US')} from ${file}…`);
    await list.save();
    progress(`  ${parsed.kind}: ${list.count.toLocaleString('en-US')} loaded (${secondsSince(started)})`);
  }
}
