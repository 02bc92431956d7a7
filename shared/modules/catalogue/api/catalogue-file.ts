import * as z from '../../../platform/api/zod';
import { PostageTariffSchema } from '../../fees';
import type { FieldIssue } from '../../../platform/kernel/errors';
import type { CatalogueFile } from '../domain/catalogue';
import { CatalogueImportError } from '../domain/errors';
import { AgencySchema, ProcedureDefinitionSchema } from './procedure';

/** The file an operator imports with `npm run catalogue:import -- <file>`. */
export const CatalogueFileSchema = z.strictObject({
  agencies: z.array(AgencySchema).check(z.minLength(1)),
  procedures: z.array(ProcedureDefinitionSchema).check(z.minLength(1)),
  postageTariff: PostageTariffSchema,
}) satisfies z.ZodMiniType<CatalogueFile>;

/** Names an entry by its code as well as its index, so an operator finds it in a long file. */
function describeZodPath(file: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = file;
  return path
    .map((key) => {
      node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
      if (typeof key === 'number') {
        const code = (node as { code?: unknown; version?: unknown } | undefined)?.code ?? (node as { version?: unknown })?.version;
        return typeof code === 'string' ? `[${key}](${code})` : `[${key}]`;
      }
      return `.${String(key)}`;
    })
    .join('')
    .replace(/^\./, '');
}

function zodIssues(error: z.core.$ZodError, file: unknown): FieldIssue[] {
  return error.issues.map((issue) => ({ path: describeZodPath(file, issue.path) || '(file)', message: issue.message }));
}

/** The shape of a catalogue file (types, formats, required fields); throws one error listing every problem. */
export function parseCatalogueFile(file: unknown): CatalogueFile {
  const parsed = CatalogueFileSchema.safeParse(file);
  if (!parsed.success) throw new CatalogueImportError('Catalogue file is invalid', { details: zodIssues(parsed.error, file) });
  return parsed.data;
}
