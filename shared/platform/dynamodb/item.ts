/**
 * What the table adds to a record it stores: the item's key, its entry on the gsi1 index and its
 * expiry. A record read back is the item without them.
 */
export function recordOf<T>(item: Readonly<Record<string, unknown>>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ttl: _ttl, ...record } = item;
  return record as T;
}

/** The `ttl` attribute (epoch seconds) of an item DynamoDB may delete `keepSeconds` after `instant` (ISO-8601). */
export function expiresAfter(instant: string, keepSeconds: number): number {
  return Math.floor(Date.parse(instant) / 1000) + keepSeconds;
}
