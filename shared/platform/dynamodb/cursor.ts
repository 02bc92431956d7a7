import { InvalidInputError } from '../kernel/errors';

/**
 * The key a query's cursor must decode to: the attribute names of its table and index keys, and the
 * values fixed by the query's key condition (an index partition). DynamoDB refuses any other
 * ExclusiveStartKey with a ValidationException, which would surface as a 500.
 */
export interface CursorShape {
  readonly keys: readonly string[];
  readonly fixed?: Readonly<Record<string, string>>;
}

/** DynamoDB's limit on a key attribute (partition 2048 bytes, sort 1024): the lower one for all. */
const MAX_KEY_VALUE_BYTES = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Opaque page cursors: the DynamoDB key to continue from, base64url-encoded. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
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
 * attribute names, each a non-empty string within DynamoDB's limit, fixed values unchanged.
 */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const key = parse(cursor);
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw invalidCursor();
  const fixed = shape.fixed ?? {};
  const expected = new Set([...shape.keys, ...Object.keys(fixed)]);
  const entries = Object.entries(key);
  if (entries.length !== expected.size) throw invalidCursor();
  for (const [name, value] of entries) {
    if (!expected.has(name) || typeof value !== 'string' || value === '') throw invalidCursor();
    if (Buffer.byteLength(value, 'utf8') > MAX_KEY_VALUE_BYTES) throw invalidCursor();
    if (Object.hasOwn(fixed, name) && fixed[name] !== value) throw invalidCursor();
  }
  return key as Record<string, string>;
}
