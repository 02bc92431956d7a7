import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDossierListing, ListingKeys, listingRows } from '../../../../../shared/modules/dossiers/dynamodb-listing';
import { summaryOf } from '../../../../../shared/modules/dossiers/domain/summary';
import type { Dossier } from '../../../../../shared/modules/dossiers/domain/dossier';
import { InvalidInputError } from '../../../../../shared/platform/kernel/errors';
import { cursorScope, encodeCursor } from '../../../../../shared/platform/dynamodb/cursor';
import { dossierOwing, T0 } from '../../../../support/dossiers';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const listing = () => new DynamoDossierListing(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })), 'main');
const queries = () => ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);

/** Dossiers of one citizen and agency, submitted a minute apart, newest last. */
const dossiers: Dossier[] = Array.from({ length: 5 }, (_, i) => ({
  ...dossierOwing(5_000),
  dossierNo: `H31-000${i + 1}`,
  submittedAt: new Date(T0.getTime() + i * 60_000).toISOString(),
}));
const rowOf = (d: Dossier, which: 0 | 1) => listingRows(d)[which]!.item;

describe('Function: listingRows', () => {
  it('puts a citizen row and an agency row beside the dossier, keyed by owner, status and submission', () => {
    const [citizen, agency] = listingRows(dossiers[0]!);
    const position = `${T0.toISOString()}#H31-0001`;
    expect(citizen).toEqual({ name: 'listing:citizen', item: { pk: 'DOSSIER#H31-0001', sk: 'LISTING#CITIZEN', ...summaryOf(dossiers[0]!), version: 1, gsi1pk: 'DOSSIERS#CITIZEN#031099012345', gsi1sk: position } });
    expect(agency!.item).toMatchObject({ pk: 'DOSSIER#H31-0001', sk: 'LISTING#AGENCY', gsi1pk: 'DOSSIERS#AGENCY#HP-PX#STATUS#AWAITING_PAYMENT', gsi1sk: position, gsi2pk: 'DOSSIERS#AGENCY#HP-PX', gsi2sk: position });
    expect(JSON.stringify(listingRows(dossiers[0]!))).not.toContain('Nguyễn Văn A');
  });
});

describe('Class: DynamoDossierListing', () => {
  it("reads a citizen's page with one Query on gsi1, newest first, one item more than the page", async () => {
    // Prepare: 3 rows answer a page of 2
    ddb.on(QueryCommand).resolves({ Items: [rowOf(dossiers[4]!, 0), rowOf(dossiers[3]!, 0), rowOf(dossiers[2]!, 0)] });

    // Act
    const page = await listing().ofCitizen('031099012345', { limit: 2 });

    // Assess
    expect(queries()).toEqual([
      {
        TableName: 'main',
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': 'DOSSIERS#CITIZEN#031099012345' },
        ScanIndexForward: false,
        Limit: 3,
      },
    ]);
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
    expect(page.items.map((s) => s.dossierNo)).toEqual(['H31-0005', 'H31-0004']);
    expect(page.items[0]).toEqual(summaryOf(dossiers[4]!));
    expect(page.nextCursor).toBeDefined();
  });

  it('continues after the last item shown, and says nothing more on the last page', async () => {
    // Prepare
    ddb.on(QueryCommand).resolvesOnce({ Items: [rowOf(dossiers[4]!, 0), rowOf(dossiers[3]!, 0), rowOf(dossiers[2]!, 0)] }).resolvesOnce({ Items: [rowOf(dossiers[2]!, 0)] });
    const first = await listing().ofCitizen('031099012345', { limit: 2 });

    // Act
    const second = await listing().ofCitizen('031099012345', { limit: 2, cursor: first.nextCursor! });

    // Assess
    expect(queries()[1]!.ExclusiveStartKey).toEqual({ pk: 'DOSSIER#H31-0004', sk: 'LISTING#CITIZEN', gsi1pk: 'DOSSIERS#CITIZEN#031099012345', gsi1sk: ListingKeys.position(dossiers[3]!) });
    expect(second).toEqual({ items: [summaryOf(dossiers[2]!)] });
  });

  it("filters an agency's queue by status and window in the key condition of gsi1, never a FilterExpression", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await listing().ofAgency('HP-PX', { status: 'PROCESSING', from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' }, { limit: 50 });
    expect(queries()[0]).toEqual({
      TableName: 'main',
      IndexName: 'gsi1',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
      ExpressionAttributeValues: { ':pk': 'DOSSIERS#AGENCY#HP-PX#STATUS#PROCESSING', ':from': '2026-02-28T17:00:00.000Z', ':to': '2026-03-31T17:00:00.000Z' },
      ScanIndexForward: false,
      Limit: 51,
    });
  });

  it.each([
    [{ from: '2026-03-01T00:00:00.000Z' }, '#pk = :pk AND #sk >= :from'],
    [{ to: '2026-03-01T00:00:00.000Z' }, '#pk = :pk AND #sk < :to'],
    [{}, '#pk = :pk'],
  ])("reads every status of an agency from gsi2 (window %j)", async (window, condition) => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await listing().ofAgency('HP-PX', window, { limit: 10 });
    expect(queries()[0]).toMatchObject({ IndexName: 'gsi2', KeyConditionExpression: condition, ExpressionAttributeNames: { '#pk': 'gsi2pk' }, ExpressionAttributeValues: { ':pk': 'DOSSIERS#AGENCY#HP-PX' } });
    expect(queries()[0]!.FilterExpression).toBeUndefined();
  });

  describe('refuses with a 400 on cursor, before any read, a cursor issued for', () => {
    it.each([
      ['another citizen', (c: string) => listing().ofCitizen('079099000001', { limit: 2, cursor: c })],
      ['an agency list', (c: string) => listing().ofAgency('HP-PX', {}, { limit: 2, cursor: c })],
    ])('%s', async (_case, reuse) => {
      // Prepare: a cursor of citizen 031099012345's list
      ddb.on(QueryCommand).resolves({ Items: [rowOf(dossiers[4]!, 0), rowOf(dossiers[3]!, 0), rowOf(dossiers[2]!, 0)] });
      const { nextCursor } = await listing().ofCitizen('031099012345', { limit: 2 });
      ddb.resetHistory();

      // Act, Assess
      await expect(reuse(nextCursor!)).rejects.toBeInstanceOf(InvalidInputError);
      expect(queries()).toHaveLength(0);
    });

    it.each([
      ['another status', { status: 'PROCESSING' as const, from: '2026-03-01T00:00:00.000Z' }],
      ['another window', { status: 'AWAITING_PAYMENT' as const, from: '2026-03-02T00:00:00.000Z' }],
      ['every status', { from: '2026-03-01T00:00:00.000Z' }],
    ])('%s of the same agency', async (_case, filter) => {
      ddb.on(QueryCommand).resolves({ Items: [rowOf(dossiers[4]!, 1), rowOf(dossiers[3]!, 1), rowOf(dossiers[2]!, 1)] });
      const { nextCursor } = await listing().ofAgency('HP-PX', { status: 'AWAITING_PAYMENT', from: '2026-03-01T00:00:00.000Z' }, { limit: 2 });
      ddb.resetHistory();

      await expect(listing().ofAgency('HP-PX', filter, { limit: 2, cursor: nextCursor! })).rejects.toBeInstanceOf(InvalidInputError);
      expect(queries()).toHaveLength(0);
    });

    it.each([
      ['a position of another dossier than its row', { pk: 'DOSSIER#H31-0009', gsi1sk: `${T0.toISOString()}#H31-0001` }],
      ['a position outside the window', { pk: 'DOSSIER#H31-0001', gsi1sk: '2026-01-01T00:00:00.000Z#H31-0001' }],
      ['a position that is no instant', { pk: 'DOSSIER#H31-0001', gsi1sk: 'zzz#H31-0001' }],
    ])('%s (a forged cursor of the right scope)', async (_case, key) => {
      const partition = 'DOSSIERS#AGENCY#HP-PX#STATUS#PROCESSING';
      const window = { from: '2026-03-01T00:00:00.000Z' };
      const forged = encodeCursor({ ...key, sk: 'LISTING#AGENCY', gsi1pk: partition }, cursorScope(['gsi1', partition, window.from, undefined]));
      await expect(listing().ofAgency('HP-PX', { status: 'PROCESSING', ...window }, { limit: 2, cursor: forged! })).rejects.toBeInstanceOf(InvalidInputError);
      expect(queries()).toHaveLength(0);
    });

    it('garbage', async () => {
      await expect(listing().ofCitizen('031099012345', { limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidInputError);
      expect(queries()).toHaveLength(0);
    });
  });
});
