import { describe, expect, it } from 'vitest';
import { expiresAfter, recordOf } from '../../../../../shared/platform/dynamodb/item';

describe('Function: recordOf', () => {
  it('gives back the record an item stores, without its key, gsi1 entry and expiry', () => {
    // Prepare
    const record = { dossierNo: 'H31.26-1', status: 'queued', version: 2, nested: { pk: 'kept inside' } };
    const item = { pk: 'NOTICE#n1', sk: 'NOTICE', gsi1pk: 'DOSSIER_NOTICES#H31.26-1', gsi1sk: '2026-03-10T02:00:00.000Z#n1', ttl: 1_804_000_000, ...record };
    // Act
    const read = recordOf<typeof record>(item);
    // Assess
    expect(read).toEqual(record);
    expect(item.pk).toBe('NOTICE#n1');
  });

  it('keeps every attribute of an item that has only a key', () => {
    expect(recordOf({ pk: 'A', sk: 'B', amount: 5_000 })).toEqual({ amount: 5_000 });
  });
});

describe('Function: expiresAfter', () => {
  it.each([
    ['a whole second', '2026-03-10T02:00:00.000Z', 60, 1_773_108_060],
    ['a fraction of a second, cut to the second before', '2026-03-10T02:00:00.999Z', 366 * 24 * 60 * 60, 1_773_108_000 + 31_622_400],
  ])('is the epoch second `keepSeconds` after %s', (_case, instant, keep, expected) => {
    expect(expiresAfter(instant, keep)).toBe(expected);
  });
});
