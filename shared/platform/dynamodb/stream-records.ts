import type { DynamoDBRecord } from 'aws-lambda';

/** Which records of a table's stream a consumer wants: these event names, on items whose sort key starts so. */
export interface StreamRecordFilter {
  readonly eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
  readonly sortKeyPrefix: string;
}

/**
 * The filter as a Lambda event-filtering pattern (the event source mapping drops every other record
 * before the function is invoked, so it is neither invoked nor billed for them).
 */
export function lambdaFilterPattern(filter: StreamRecordFilter, sortKeyName: string): Record<string, unknown> {
  return { eventName: [...filter.eventNames], dynamodb: { Keys: { [sortKeyName]: { S: [{ prefix: filter.sortKeyPrefix }] } } } };
}

/** The same filter applied to one record (the local event source, and the function's own guard). */
export function selectedBy(filter: StreamRecordFilter, sortKeyName: string, record: DynamoDBRecord): boolean {
  const sortKey = record.dynamodb?.Keys?.[sortKeyName]?.S;
  return record.eventName !== undefined && filter.eventNames.includes(record.eventName) && typeof sortKey === 'string' && sortKey.startsWith(filter.sortKeyPrefix);
}
