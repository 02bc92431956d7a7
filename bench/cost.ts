/**
 * AWS list prices, ap-southeast-1 (Singapore), on-demand, USD. TAKEN FROM MEMORY of the public price
 * pages as of 2025 (after DynamoDB's November 2024 on-demand cut), not fetched: check them against
 * https://aws.amazon.com/{lambda,dynamodb,api-gateway,sqs,systems-manager}/pricing/ before quoting a
 * budget. Free tiers are left out on purpose (a production account of a province uses them up).
 */
export const PRICES_AP_SOUTHEAST_1 = {
  takenOn: '2025 (from memory, unverified)',
  /** HTTP API, first 300 million requests a month, per million. */
  httpApiPerMillion: 1.16,
  /** Lambda on Arm (the stack's architecture): per request, per million. */
  lambdaRequestsPerMillion: 0.2,
  /** Lambda on Arm: per GB-second of billed duration (1 ms granularity). */
  lambdaArmPerGbSecond: 0.0000133334,
  /** DynamoDB on-demand: per million write request units (1 KB; a transactional write costs 2). */
  dynamoWriteUnitsPerMillion: 0.7125,
  /** DynamoDB on-demand: per million read request units (4 KB strongly consistent, half for eventual). */
  dynamoReadUnitsPerMillion: 0.1425,
  /** SQS FIFO: per million requests (each 64 KB chunk of a payload is one request). */
  sqsFifoPerMillion: 0.5,
  /** SQS standard queues: per million requests. */
  sqsStandardPerMillion: 0.4,
  /** SSM Parameter Store, standard throughput GetParameter: no charge (higher throughput would be $0.05 per 10,000). */
  ssmStandardPerCall: 0,
} as const;

export interface Invocation {
  readonly functionName: string;
  readonly ms: number;
  readonly memoryMb: number;
}

/** Operations counted while one dossier went through its lifecycle. */
export interface LifecycleOperations {
  readonly apiRequests: number;
  readonly invocations: readonly Invocation[];
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly sqsFifoRequests: number;
  readonly sqsStandardRequests: number;
  readonly ssmCalls: number;
}

export interface CostBreakdown {
  readonly apiGateway: number;
  readonly lambdaRequests: number;
  readonly lambdaCompute: number;
  readonly dynamoWrites: number;
  readonly dynamoReads: number;
  readonly sqs: number;
  readonly ssm: number;
  readonly total: number;
}

/** USD per 1 million dossiers that each cost what one metered lifecycle cost. */
export function costPerMillionDossiers(ops: LifecycleOperations, prices = PRICES_AP_SOUTHEAST_1): CostBreakdown {
  const perMillion = (count: number, price: number) => count * price; // count per dossier × $ per million = $ per million dossiers
  const gbSeconds = ops.invocations.reduce((sum, i) => sum + (Math.ceil(i.ms) / 1000) * (i.memoryMb / 1024), 0);
  const parts = {
    apiGateway: perMillion(ops.apiRequests, prices.httpApiPerMillion),
    lambdaRequests: perMillion(ops.invocations.length, prices.lambdaRequestsPerMillion),
    lambdaCompute: gbSeconds * prices.lambdaArmPerGbSecond * 1_000_000,
    dynamoWrites: perMillion(ops.writeUnits, prices.dynamoWriteUnitsPerMillion),
    dynamoReads: perMillion(ops.readUnits, prices.dynamoReadUnitsPerMillion),
    sqs: perMillion(ops.sqsFifoRequests, prices.sqsFifoPerMillion) + perMillion(ops.sqsStandardRequests, prices.sqsStandardPerMillion),
    ssm: ops.ssmCalls * prices.ssmStandardPerCall * 1_000_000,
  };
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}
