import { describe, expect, it } from 'vitest';
import { cursorScope, decodeCursor, encodeCursor } from '../../../../../shared/platform/dynamodb/cursor';
import { InvalidInputError } from '../../../../../shared/platform/kernel/errors';

const shape = { keys: ['pk', 'sk', 'gsi1sk'], fixed: { gsi1pk: 'PROC' } } as const;
const issued = { pk: 'PROC#2.000815', sk: 'DEF', gsi1pk: 'PROC', gsi1sk: '2.000815' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('Function: decodeCursor', () => {
  it('round-trips a key it issued', () => {
    expect(decodeCursor(encodeCursor(issued), shape)).toEqual(issued);
    expect(decodeCursor(undefined, shape)).toBeUndefined();
  });

  it.each([
    ['garbage', '%%%not-a-cursor%%%'],
    ['base64url with stray characters', `${b64(issued)}!`],
    ['base64url of "x"', b64('x')],
    ['base64url of an array', b64([issued])],
    ['base64url of a nested value', b64({ pk: { a: 1 } })],
    ['a key with a missing attribute', b64({ pk: 'PROC#1', sk: 'DEF', gsi1pk: 'PROC' })],
    ['a key with an extra attribute', b64({ ...issued, extra: 'x' })],
    ['a key with a number', b64({ ...issued, sk: 1 })],
    ['a key with an empty string', b64({ ...issued, gsi1sk: '' })],
    ['a key of another partition', b64({ ...issued, gsi1pk: 'AGENCY' })],
    ['a key value beyond DynamoDB limits', b64({ ...issued, pk: 'x'.repeat(1025) })],
    ['not JSON', Buffer.from('{pk:', 'utf8').toString('base64url')],
  ])('refuses %s with a 400-class error naming cursor', (_case, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, shape);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).details).toEqual([{ path: 'cursor', message: 'not a cursor this API issued' }]);
  });
});

describe('Function: decodeCursor with a scope', () => {
  const scoped = { ...shape, scope: cursorScope(['gsi1', 'PROC', '2026-03-01']) };

  it('round-trips a key issued for the same scope, without the scope in the key', () => {
    expect(decodeCursor(encodeCursor(issued, scoped.scope), scoped)).toEqual(issued);
  });

  it.each([
    ['another scope', encodeCursor(issued, cursorScope(['gsi1', 'PROC', '2026-04-01']))],
    ['no scope', encodeCursor(issued)],
  ])('refuses a cursor issued for %s', (_case, cursor) => {
    expect(() => decodeCursor(cursor, scoped)).toThrow(InvalidInputError);
  });

  it('refuses a scoped cursor where none is expected', () => {
    expect(() => decodeCursor(encodeCursor(issued, scoped.scope), shape)).toThrow(InvalidInputError);
  });

  it('gives each query its own short fingerprint', () => {
    expect(cursorScope(['gsi1', 'A', undefined])).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(cursorScope(['gsi1', 'A', undefined])).toBe(cursorScope(['gsi1', 'A', undefined]));
    expect(cursorScope(['gsi1', 'A', undefined])).not.toBe(cursorScope(['gsi1', 'A', '2026']));
  });
});
