import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Why each item of a cancelled transaction failed, in item order ('None' for those that did not). */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}
