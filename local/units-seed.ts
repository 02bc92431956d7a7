import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAdministrativeUnitsRepository } from '../shared/modules/addresses/dynamodb';
import { parseAdministrativeUnitsCsv } from '../shared/modules/addresses/domain/administrative-units';

/**
 * Loads the official provinces and communes CSVs of a folder when the table has no list yet, as an
 * operator's `npm run units:import` would. Without the folder only the province format is checked.
 */
export async function loadAdministrativeUnitsIfEmpty(client: DynamoDBDocumentClient, tableName: string, dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const repository = new DynamoAdministrativeUnitsRepository(client, tableName);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const parsed = parseAdministrativeUnitsCsv(readFileSync(join(dir, file), 'utf8'));
    if (parsed.kind === 'provinces' && !(await repository.hasProvinces())) await repository.saveProvinces(parsed.provinces);
    if (parsed.kind === 'communes' && !(await repository.hasCommunes())) await repository.saveCommunes(parsed.communes);
  }
}
