import { describe, expect, it } from 'vitest';
import { costPerMillionDossiers, PRICES_AP_SOUTHEAST_1 as P } from '../../../bench/cost';

describe('Function: costPerMillionDossiers', () => {
  it('prices each counted operation once per dossier, a million times, with Lambda billed per started ms', () => {
    // Prepare: 2 API requests, 3 invocations at 512 MB of which one is 10.2 ms (billed 11 ms)
    const ops = {
      apiRequests: 2,
      invocations: [
        { functionName: 'A', ms: 10.2, memoryMb: 512 },
        { functionName: 'B', ms: 20, memoryMb: 512 },
        { functionName: 'C', ms: 1, memoryMb: 1024 },
      ],
      writeUnits: 8,
      readUnits: 5,
      sqsFifoRequests: 3,
      sqsStandardRequests: 1,
      ssmCalls: 2,
    };

    // Act
    const cost = costPerMillionDossiers(ops);

    // Assess
    expect(cost.apiGateway).toBeCloseTo(2 * P.httpApiPerMillion, 9);
    expect(cost.lambdaRequests).toBeCloseTo(3 * P.lambdaRequestsPerMillion, 9);
    expect(cost.lambdaCompute).toBeCloseTo((0.011 * 0.5 + 0.02 * 0.5 + 0.001 * 1) * P.lambdaArmPerGbSecond * 1e6, 9);
    expect(cost.dynamoWrites).toBeCloseTo(8 * P.dynamoWriteUnitsPerMillion, 9);
    expect(cost.dynamoReads).toBeCloseTo(5 * P.dynamoReadUnitsPerMillion, 9);
    expect(cost.sqs).toBeCloseTo(3 * P.sqsFifoPerMillion + 1 * P.sqsStandardPerMillion, 9);
    expect(cost.total).toBeCloseTo(cost.apiGateway + cost.lambdaRequests + cost.lambdaCompute + cost.dynamoWrites + cost.dynamoReads + cost.sqs + cost.ssm, 9);
  });
});
