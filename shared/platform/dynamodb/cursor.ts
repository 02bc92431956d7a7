import { createHash } from 'node:crypto';
import { InvalidInputError } from '../kernel/errors';

/**
 * The key a query's cursor must decode to: the attribute names of its table and index keys, and the
 * values fixed by the query's key condition (an index partition). DynamoDB refuses any other
 * ExclusiveStartKey with a ValidationException, which would surface as a 500.
 */
export interface CursorShape {
  readonly keys: readonly string[];
  readonly fixed?: Readonly<Record<string, string>>;
  /**
   * The query the cursor was issued for ({@link cursorScope} of its filters), when the key alone does
   * not tell: a cursor issued for other filters (another date range, say) is refused too.
   */
  readonly scope?: string;
}

/** Where a cursor carries its scope: not a name any key attribute of this project uses. */
const SCOPE = '~q';

/** DynamoDB's limit on a key attribute (partition 2048 bytes, sort 1024): the lower one for all. */
const MAX_KEY_VALUE_BYTES = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Opaque page cursors: the DynamoDB key to continue from (and the scope it is for), base64url-encoded. */
export function encodeCursor(key: Record<string, unknown> | undefined, scope?: string): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify(scope === undefined ? key : { ...key, [SCOPE]: scope }), 'utf8').toString('base64url');
}

/** A short fingerprint of what identifies a query (its index, partition and filters), for {@link CursorShape.scope}. */
export function cursorScope(parts: readonly (string | number | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

function invalidCursor(): InvalidInputError {
  return new InvalidInputError('Invalid cursor', { details: [{ path: 'cursor', message: 'not a cursor this API issued' }] });
}

function parse(cursor: string): unknown {
  // Buffer.from skips characters outside the alphabet, so garbage would otherwise half-decode.
  if (!BASE64URL.test(cursor)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

/**
 * The key a cursor encodes, or a 400 naming `cursor` unless it is exactly a key of `shape`: the same
 * attribute names, each a non-empty string within DynamoDB's limit, fixed values (and scope) unchanged.
 */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const key = parse(cursor);
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw invalidCursor();
  const fixed: Record<string, string> = { ...shape.fixed, ...(shape.scope === undefined ? {} : { [SCOPE]: shape.scope }) };
  const expected = new Set([...shape.keys, ...Object.keys(fixed)]);
  const entries = Object.entries(key);
  if (entries.length !== expected.size) throw invalidCursor();
  for (const [name, value] of entries) {
    if (!expected.has(name) || typeof value !== 'string' || value === '') throw invalidCursor();
    if (Buffer.byteLength(value, 'utf8') > MAX_KEY_VALUE_BYTES) throw invalidCursor();
    if (Object.hasOwn(fixed, name) && fixed[name] !== value) throw invalidCursor();
  }
  const { [SCOPE]: _scope, ...exclusiveStartKey } = key as Record<string, string>;
  return exclusiveStartKey;
}
