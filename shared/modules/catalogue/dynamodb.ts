import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CatalogueReader, CatalogueWriter, Page } from './ports';
import type { Agency, CatalogueFile, ProcedureDefinition } from './domain/catalogue';
import type { PostageTariff } from '../fees';
import { batchWriteAll } from '../../platform/dynamodb/batch-write';
import { decodeCursor, encodeCursor } from '../../platform/dynamodb/cursor';
import { queryAll } from '../../platform/dynamodb/query-all';

const Keys = {
  procedure: (code: string) => ({ pk: `PROC#${code}`, sk: 'DEF' }),
  agency: (code: string) => ({ pk: `AGENCY#${code}`, sk: 'DEF' }),
  postageTariff: () => ({ pk: 'CATALOGUE', sk: 'POSTAGE_TARIFF' }),
  procedureIndex: 'PROC',
  agencyIndex: 'AGENCY',
} as const;

/** A page of the procedure index continues from a table key plus its gsi1 key in the PROC partition. */
const PROCEDURE_PAGE_KEY = { keys: ['pk', 'sk', 'gsi1sk'], fixed: { gsi1pk: Keys.procedureIndex } } as const;

export class DynamoCatalogueRepository implements CatalogueReader, CatalogueWriter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getProcedure(code: string): Promise<ProcedureDefinition | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.procedure(code) }));
    return Item?.definition as ProcedureDefinition | undefined;
  }

  async listProcedures(page: { limit: number; cursor?: string }): Promise<Page<ProcedureDefinition>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': Keys.procedureIndex },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, PROCEDURE_PAGE_KEY),
      }),
    );
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => item.definition as ProcedureDefinition),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  async getAgency(code: string): Promise<Agency | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.agency(code) }));
    return Item?.agency as Agency | undefined;
  }

  async listAgencies(): Promise<readonly Agency[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': Keys.agencyIndex },
    });
    return items.map((item) => item.agency as Agency);
  }

  async getPostageTariff(): Promise<PostageTariff | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.postageTariff() }));
    return Item?.tariff as PostageTariff | undefined;
  }

  /** Bulk upsert from a validated file; catalogue entries are reference data, not state transitions. */
  async saveCatalogue(catalogue: CatalogueFile): Promise<void> {
    const items: Record<string, unknown>[] = [
      // Indexed by code so that the agencies can be listed without a Scan (a catalogue imported before this is listed once imported again).
      ...catalogue.agencies.map((agency) => ({ ...Keys.agency(agency.code), gsi1pk: Keys.agencyIndex, gsi1sk: agency.code, agency })),
      ...catalogue.procedures.map((definition) => ({
        ...Keys.procedure(definition.code),
        gsi1pk: Keys.procedureIndex,
        gsi1sk: definition.code,
        definition,
      })),
      { ...Keys.postageTariff(), tariff: catalogue.postageTariff },
    ];
    await batchWriteAll(this.client, this.tableName, items.map((Item) => ({ PutRequest: { Item } })));
  }
}
