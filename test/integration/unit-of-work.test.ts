import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { UnitOfWork } from '../../shared/platform/dynamodb/unit-of-work';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import { documents } from '../support/emulators';

class Exists extends Error {
  constructor(readonly old: unknown) {
    super('exists');
  }
}

/**
 * A unit of one write goes out as a single PutItem/UpdateItem/DeleteItem (half the capacity of a
 * transaction); on the emulator its refusal must carry the item as it was, as a transaction's does.
 */
describe('UnitOfWork on DynamoDB Local', () => {
  it.each([
    ['one write (sent as a single PutItem)', (u: UnitOfWork) => u],
    ['a transaction of two', (u: UnitOfWork, pk: string) => u.put('other', { pk, sk: 'OTHER' })],
  ])('maps a refused %s to the named error with the old item', async (_case, extend) => {
    const table = inject('tableName');
    const pk = `UOW#${randomUUID()}`;
    await new UnitOfWork(table).put('thing', { pk, sk: 'THING', v: 7 }).commit(documents());
    const again = extend(
      new UnitOfWork(table).put('thing', { pk, sk: 'THING', v: 8 }, { condition: 'attribute_not_exists(pk)', onConditionFailed: (old) => new Exists(old) }),
      pk,
    );
    const error = await again.commit(documents()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Exists);
    expect((error as Exists).old).toEqual({ pk, sk: 'THING', v: 7 });
  });

  it('answers a refused single update as a retry signal when the caller mapped nothing, and commitUnlessRefused as false', async () => {
    const table = inject('tableName');
    const pk = `UOW#${randomUUID()}`;
    const update = () => new UnitOfWork(table).update('counter', { pk, sk: 'COUNTER' }, { update: 'ADD n :one', condition: 'attribute_exists(pk)', values: { ':one': 1 } });
    await expect(update().commit(documents())).rejects.toBeInstanceOf(RetryableWriteConflict);
    expect(await update().commitUnlessRefused(documents())).toBe(false);
  });
});
