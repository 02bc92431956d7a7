import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaFilterPattern, selectedBy } from '../../../../../shared/platform/dynamodb/stream-records';
import { MainTable, Streams } from '../../../../../shared/platform/config/resources';

const { filter } = Streams.dossierOutbox;
const record = (eventName: DynamoDBRecord['eventName'], sk: string): DynamoDBRecord => ({ eventName, dynamodb: { Keys: { pk: { S: 'DOSSIER#H31-1' }, sk: { S: sk } }, SequenceNumber: '1' } });

describe('Stream records: the outbox filter', () => {
  it.each([
    ['an outbox row inserted', record('INSERT', 'OUTBOX#e1'), true],
    ['an outbox row written again (a re-emission)', record('MODIFY', 'OUTBOX#e1'), true],
    ['an outbox row removed by its TTL', record('REMOVE', 'OUTBOX#e1'), false],
    ['a dossier write', record('MODIFY', 'DOSSIER'), false],
    ['a list row', record('INSERT', 'LISTING#AGENCY'), false],
    ['a key that only contains the prefix', record('INSERT', 'X#OUTBOX#e1'), false],
    ['a record without keys', { eventName: 'INSERT', dynamodb: {} } as DynamoDBRecord, false],
  ] as const)('%s: selected %s', (_case, r, selected) => {
    expect(selectedBy(filter, MainTable.sortKey.name, r)).toBe(selected);
  });

  it('is the same filter as the pattern the event source mapping is given', () => {
    expect(lambdaFilterPattern(filter, 'sk')).toEqual({ eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } } });
  });
});
