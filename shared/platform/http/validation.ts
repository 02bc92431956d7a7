import type * as z from '../api/zod';
import type { FieldIssue } from '../kernel/errors';
import { InvalidInputError } from '../kernel/errors';

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const parts = [prefix, ...path.map(String)].filter((p) => p !== '');
  return parts.length > 0 ? parts.join('.') : '(body)';
}

/** zod issues as field issues named by the path the client used; unknown keys are named one by one. */
export function fieldIssues(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: joinPath(prefix, [...issue.path, key]), message: 'unknown field' }));
    }
    return [{ path: joinPath(prefix, issue.path), message: issue.message }];
  });
}

/** Parses `value` with `schema`, or throws a 400-class error naming every failing field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError('Request is invalid', { details: fieldIssues(result.error, prefix) });
}
