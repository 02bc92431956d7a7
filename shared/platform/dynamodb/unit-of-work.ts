import { ConditionalCheckFailedException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { RetryableWriteConflict } from './optimistic';

type Values = Record<string, unknown>;
type Names = Record<string, string>;
export type Key = { readonly pk: string; readonly sk: string };

/** What a failed condition on one item means to the caller, given the item as it was (ALL_OLD). */
export type OnConditionFailed = (existing: Values | undefined) => Error;

interface Common {
  readonly condition?: string;
  readonly names?: Names;
  readonly values?: Values;
  /** Without it a failed condition is a {@link RetryableWriteConflict}: someone else moved first. */
  readonly onConditionFailed?: OnConditionFailed;
}
export interface PutOptions extends Common {}
export interface UpdateOptions extends Common {
  readonly update: string;
}

/** One transaction item as built by put/update/delete/conditionCheck: exactly one of these keys. */
type SingleRequest = { readonly Put?: unknown; readonly Update?: unknown; readonly Delete?: unknown };

interface NamedItem {
  readonly name: string;
  readonly request: Record<string, unknown>;
  readonly onConditionFailed?: OnConditionFailed;
}

/**
 * One DynamoDB transaction whose items carry names (the AWS hexagonal sample's unit of work, one step
 * further): a cancelled transaction is mapped to the error of the item *named* in the reason, never
 * by its position, so adding an item cannot silently change which error a caller sees.
 *
 * A unit of one write is sent as that single conditional write (PutItem, UpdateItem, DeleteItem):
 * one item is as atomic either way, and a transactional write costs twice the capacity (2 WRU per
 * KB against 1). Its refusal is mapped exactly as the transaction's would be.
 */
export class UnitOfWork {
  private readonly items: NamedItem[] = [];

  constructor(private readonly tableName: string) {}

  get size(): number {
    return this.items.length;
  }

  put(name: string, item: Key & Values, options: PutOptions = {}): this {
    return this.add(name, { Put: { TableName: this.tableName, Item: item, ...condition(options) } }, options);
  }

  update(name: string, key: Key, options: UpdateOptions): this {
    const request = { TableName: this.tableName, Key: key, UpdateExpression: options.update, ...condition(options) };
    return this.add(name, { Update: request }, options);
  }

  delete(name: string, key: Key, options: Common = {}): this {
    return this.add(name, { Delete: { TableName: this.tableName, Key: key, ...condition(options) } }, options);
  }

  conditionCheck(name: string, key: Key, options: Common & { readonly condition: string }): this {
    return this.add(name, { ConditionCheck: { TableName: this.tableName, Key: key, ...condition(options) } }, options);
  }

  /** Item names in order, for tests and logs. */
  names(): string[] {
    return this.items.map((i) => i.name);
  }

  async commit(client: DynamoDBDocumentClient): Promise<void> {
    if (this.items.length === 0) return;
    try {
      await this.send(client);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /**
   * Commits, and answers false instead of throwing when a condition refused the write (the row is
   * already there, or has moved on): for a caller that only needs to know whether its write won, so
   * only where every condition of the unit means that (any item's refusal answers false, mapped or
   * not). Any other failure is thrown as {@link commit} throws it.
   */
  async commitUnlessRefused(client: DynamoDBDocumentClient): Promise<boolean> {
    if (this.items.length === 0) return true;
    try {
      await this.send(client);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')) return false;
      throw this.explain(error);
    }
  }

  /** The typed error a cancelled transaction stands for, chosen by the name of the item that failed. */
  explain(error: unknown): unknown {
    // A unit of one write sent on its own (see send): its item is the one whose condition failed.
    if (error instanceof ConditionalCheckFailedException) return this.refused(0, error.Item, error);
    if (error instanceof TransactionConflictException) return new RetryableWriteConflict('transaction conflict', { cause: error });
    if (!(error instanceof TransactionCanceledException)) return error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    if (failed >= 0) return this.refused(failed, reasons[failed]?.Item, error);
    if (reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) {
      return new RetryableWriteConflict('transaction conflict', { cause: error });
    }
    return error;
  }

  /** The error of the item at `index` whose condition refused the write, given the item as it was. */
  private refused(index: number, old: unknown, cause: unknown): Error {
    const item = this.items[index];
    const existing = old ? unmarshall(old as never) : undefined;
    if (item?.onConditionFailed) return item.onConditionFailed(existing);
    return new RetryableWriteConflict(`condition on ${item?.name ?? `item ${index}`} failed`, { cause });
  }

  private async send(client: DynamoDBDocumentClient): Promise<void> {
    const only = this.items.length === 1 ? (this.items[0]!.request as SingleRequest) : undefined;
    if (only?.Put) await client.send(new PutCommand(only.Put as never));
    else if (only?.Update) await client.send(new UpdateCommand(only.Update as never));
    else if (only?.Delete) await client.send(new DeleteCommand(only.Delete as never));
    // Several items, or a lone condition check (nothing to write), go as one transaction.
    else await client.send(new TransactWriteCommand({ TransactItems: this.items.map((i) => i.request) as never }));
  }

  private add(name: string, request: Record<string, unknown>, options: Common): this {
    if (this.items.some((i) => i.name === name)) throw new Error(`unit of work already has an item named ${name}`);
    if (this.items.length >= 100) throw new Error('a DynamoDB transaction holds at most 100 items');
    this.items.push({ name, request, ...(options.onConditionFailed ? { onConditionFailed: options.onConditionFailed } : {}) });
    return this;
  }
}

function condition(options: Common) {
  return {
    ...(options.condition ? { ConditionExpression: options.condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    ...(options.names ? { ExpressionAttributeNames: options.names } : {}),
    ...(options.values ? { ExpressionAttributeValues: options.values } : {}),
  };
}
