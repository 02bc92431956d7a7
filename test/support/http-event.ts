import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../shared/platform/http/types';

/** A payload 2.0 event as API Gateway sends it, with overridable parts. */
export function httpEvent(overrides: Partial<HttpEvent> & { claims?: Record<string, string> } = {}): HttpEvent {
  const { claims, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /v1/test',
    rawPath: '/v1/test',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method: 'POST', path: '/v1/test', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: 'POST /v1/test',
      stage: '$default',
      time: '21/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
      ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
    },
    ...rest,
  };
}

export const lambdaContextStub: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:test',
  memoryLimitInMB: '512',
  awsRequestId: 'aws-req-1',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};
