import { QueryCommand, type DynamoDBDocumentClient, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { cursorScope, decodeCursor, encodeCursor } from '../../platform/dynamodb/cursor';
import { InvalidInputError } from '../../platform/kernel/errors';
import type { Dossier } from './domain/dossier';
import type { DossierStatus } from './domain/status';
import { summaryOf, type DossierSummary, type PageRequest, type SubmittedWindow, type SummaryPage } from './domain/summary';
import type { DossierListing } from './ports';

/**
 * Two listing rows live beside each dossier, in its own partition, and are rewritten with it in the
 * same transaction (registration, and every event that changes it):
 *
 * - `LISTING#CITIZEN`: gsi1 = the applicant's partition, for GET /v1/me/dossiers.
 * - `LISTING#AGENCY`: gsi1 = the agency's partition of the dossier's status (it moves when the status
 *   does), gsi2 = the agency's partition of all statuses; for GET /v1/agencies/{code}/dossiers with and
 *   without `status`.
 *
 * Why rows and not index keys on the dossier item: the three lists need three partitions per dossier,
 * one item has one entry per index, and CloudFormation adds one GSI per stack update, so a third index
 * would take two deployments. Rows also keep the indexes small (a summary, not the applicant and the
 * timeline) and free of personal data beyond the partition's own owner. A status filter is therefore
 * a key condition (full pages), never a FilterExpression.
 *
 * Every index sorts by `<submittedAt>#<dossierNo>`: ISO instants of one length sort as time, the
 * number makes each position unique, so pages neither repeat nor skip while the rows do not change.
 */
export const ListingKeys = {
  citizenRow: (dossierNo: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: 'LISTING#CITIZEN' }),
  agencyRow: (dossierNo: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: 'LISTING#AGENCY' }),
  citizen: (citizenId: string) => `DOSSIERS#CITIZEN#${citizenId}`,
  agency: (agencyCode: string) => `DOSSIERS#AGENCY#${agencyCode}`,
  agencyStatus: (agencyCode: string, status: DossierStatus) => `DOSSIERS#AGENCY#${agencyCode}#STATUS#${status}`,
  position: (d: Pick<Dossier, 'submittedAt' | 'dossierNo'>) => `${d.submittedAt}#${d.dossierNo}`,
} as const;

/** The rows to put with a dossier write, named for the unit of work. */
export function listingRows(dossier: Dossier): { name: string; item: { pk: string; sk: string } & Record<string, NativeAttributeValue> }[] {
  const summary = summaryOf(dossier);
  const position = ListingKeys.position(dossier);
  // The version lets a backfill refuse to overwrite a row written since from a newer dossier.
  const body = { ...summary, version: dossier.version };
  return [
    {
      name: 'listing:citizen',
      item: { ...ListingKeys.citizenRow(dossier.dossierNo), ...body, gsi1pk: ListingKeys.citizen(dossier.applicant.citizenId), gsi1sk: position },
    },
    {
      name: 'listing:agency',
      item: {
        ...ListingKeys.agencyRow(dossier.dossierNo),
        ...body,
        gsi1pk: ListingKeys.agencyStatus(dossier.agencyCode, dossier.status),
        gsi1sk: position,
        gsi2pk: ListingKeys.agency(dossier.agencyCode),
        gsi2sk: position,
      },
    },
  ];
}

type IndexName = 'gsi1' | 'gsi2';

interface ListQuery {
  readonly index: IndexName;
  readonly partition: string;
  /** The sort key of the rows this list reads (fixed in every cursor of it). */
  readonly rowSk: string;
  readonly window: SubmittedWindow;
}

const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([A-Za-z0-9][A-Za-z0-9._-]{2,63})$/;

function invalidCursor(): InvalidInputError {
  return new InvalidInputError('Invalid cursor', { details: [{ path: 'cursor', message: 'not a cursor this API issued' }] });
}

function toSummary(item: Record<string, unknown>): DossierSummary {
  return {
    dossierNo: item.dossierNo as string,
    procedureCode: item.procedureCode as string,
    agencyCode: item.agencyCode as string,
    channel: item.channel as DossierSummary['channel'],
    status: item.status as DossierStatus,
    submittedAt: item.submittedAt as string,
    updatedAt: item.updatedAt as string,
    feesTotal: Number(item.feesTotal),
    amountDue: Number(item.amountDue),
    amountPaid: Number(item.amountPaid),
  };
}

/** Each page is one Query on a GSI, newest first; `limit + 1` items are read to know whether more follow. */
export class DynamoDossierListing implements DossierListing {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  ofCitizen(citizenId: string, page: PageRequest): Promise<SummaryPage> {
    return this.page({ index: 'gsi1', partition: ListingKeys.citizen(citizenId), rowSk: ListingKeys.citizenRow('_').sk, window: {} }, page);
  }

  ofAgency(agencyCode: string, filter: SubmittedWindow & { readonly status?: DossierStatus }, page: PageRequest): Promise<SummaryPage> {
    const { status, ...window } = filter;
    const rowSk = ListingKeys.agencyRow('_').sk;
    return this.page(
      status
        ? { index: 'gsi1', partition: ListingKeys.agencyStatus(agencyCode, status), rowSk, window }
        : { index: 'gsi2', partition: ListingKeys.agency(agencyCode), rowSk, window },
      page,
    );
  }

  private async page(query: ListQuery, page: PageRequest): Promise<SummaryPage> {
    const { index, partition, rowSk, window } = query;
    const pkName = `${index}pk`;
    const skName = `${index}sk`;
    const scope = cursorScope([index, partition, window.from, window.to]);
    const start = decodeCursor(page.cursor, { keys: ['pk', skName], fixed: { sk: rowSk, [pkName]: partition }, scope });
    if (start) checkPosition(start.pk!, start[skName]!, window);

    const values: Record<string, string> = { ':pk': partition };
    let range = '';
    // `to` is exclusive: a bare instant sorts before every `<instant>#<number>` position of that instant.
    if (window.from !== undefined && window.to !== undefined) {
      range = ' AND #sk BETWEEN :from AND :to';
      Object.assign(values, { ':from': window.from, ':to': window.to });
    } else if (window.from !== undefined) {
      range = ' AND #sk >= :from';
      values[':from'] = window.from;
    } else if (window.to !== undefined) {
      range = ' AND #sk < :to';
      values[':to'] = window.to;
    }
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `#pk = :pk${range}`,
        ExpressionAttributeNames: { '#pk': pkName, ...(range ? { '#sk': skName } : {}) },
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const items = (result.Items ?? []).slice(0, page.limit);
    const more = (result.Items ?? []).length > page.limit || result.LastEvaluatedKey !== undefined;
    const last = items.at(-1);
    const nextCursor = more && last ? encodeCursor({ pk: last.pk, sk: rowSk, [pkName]: partition, [skName]: last[skName] }, scope) : undefined;
    return { items: items.map(toSummary), ...(nextCursor ? { nextCursor } : {}) };
  }
}

/** A position this list could have issued: well formed, of the row's own dossier, inside the window. */
function checkPosition(pk: string, position: string, window: SubmittedWindow): void {
  const match = POSITION.exec(position);
  if (!match || pk !== `DOSSIER#${match[1]}`) throw invalidCursor();
  if ((window.from !== undefined && position < window.from) || (window.to !== undefined && position > window.to)) throw invalidCursor();
}
