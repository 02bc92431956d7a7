import type { CatalogueReader, Page } from '../ports';
import type { Procedure, ProcedureDefinition } from '../domain/catalogue';
import { NotFoundError } from '../../../platform/kernel/errors';
import { inputNeeds, scheduleInForce } from '../../fees';
import { vietnamDate, type Clock } from '../../../platform/kernel/time';

/** A catalogue entry as the API shows it: the schedule in force today and the versions on record. */
export function toProcedureView(definition: ProcedureDefinition, now: Date): Procedure {
  const inForce = scheduleInForce(definition.schedules, vietnamDate(now));
  return {
    code: definition.code,
    name: definition.name,
    agencyCode: definition.agencyCode,
    channels: definition.channels,
    onlineAllowed: definition.channels.includes('online'),
    postalReturnAllowed: definition.postalReturnAllowed,
    resultWeightGrams: definition.resultWeightGrams,
    ...(definition.processingDays !== undefined ? { processingDays: definition.processingDays } : {}),
    inputs: inForce ? inputNeeds(inForce, definition.inputDescriptions) : [],
    feesInForce: inForce
      ? {
          version: inForce.version,
          validFrom: inForce.validFrom,
          ...(inForce.validTo ? { validTo: inForce.validTo } : {}),
          rules: inForce.rules,
          reductions: inForce.reductions,
        }
      : null,
    scheduleVersions: definition.schedules.map((s) => ({
      version: s.version,
      validFrom: s.validFrom,
      ...(s.validTo ? { validTo: s.validTo } : {}),
    })),
  };
}

export async function listProcedures(
  catalogue: CatalogueReader,
  clock: Clock,
  page: { limit: number; cursor?: string },
): Promise<Page<Procedure>> {
  const result = await catalogue.listProcedures(page);
  const now = clock.now();
  return { ...result, items: result.items.map((d) => toProcedureView(d, now)) };
}

export async function getProcedure(catalogue: CatalogueReader, clock: Clock, code: string): Promise<Procedure> {
  const definition = await catalogue.getProcedure(code);
  if (!definition) throw new NotFoundError(`No procedure with code ${code}`);
  return toProcedureView(definition, clock.now());
}
