import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { registration } from '../support/dossiers';
import { uniqueCode } from '../support/emulators';

/**
 * Two local runtimes in this one process, each with its own emulators, container and dev signing
 * key. Before the container, handlers found their table and queues through `process.env`, so the
 * second runtime would have pointed every handler of the first at its own emulators.
 */
const start = () =>
  startLocalRuntime({
    port: 0,
    seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'),
    pollWaitSeconds: 1,
    logLevel: 'SILENT',
    scheduleIntervalMs: 0,
  });

async function call(runtime: LocalRuntime, path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await fetch(`${runtime.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function agencyToken(runtime: LocalRuntime, agency: string): Promise<string> {
  return (await call(runtime, '/v1/dev/tokens', { method: 'POST', body: { role: 'agency', agency } })).json.token as string;
}

describe('Two local runtimes in one process', () => {
  let first: LocalRuntime;
  let second: LocalRuntime;
  const agency = uniqueCode('HP');
  // Registration refuses a submittedAt older than SUBMITTED_AT_MAX_AGE_DAYS (30): submit two days ago.
  const body = registration({ agencyCode: agency, submittedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString() });

  beforeAll(async () => {
    [first, second] = await Promise.all([start(), start()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('builds one container per runtime, each on its own emulators, and writes nothing to process.env', () => {
    expect(first.container).not.toBe(second.container);
    expect(first.container.documentClient).not.toBe(second.container.documentClient);
    expect(first.container.settings.aws.endpoints?.dynamodb).toBe(first.dynamoDbEndpoint);
    expect(second.container.settings.aws.endpoints?.dynamodb).toBe(second.dynamoDbEndpoint);
    expect(first.dynamoDbEndpoint).not.toBe(second.dynamoDbEndpoint);
    for (const runtime of [first, second]) {
      expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).not.toBe(runtime.dynamoDbEndpoint);
      expect(process.env.AWS_ENDPOINT_URL_SQS).not.toBe(runtime.sqsEndpoint);
      expect(process.env.DOSSIER_EVENTS_QUEUE_URL).not.toBe(runtime.queues.dossierEvents.url);
    }
  });

  it('keeps a dossier registered on one runtime out of the other, and both serve requests', async () => {
    // Prepare
    const dossierNo = uniqueCode('H31');
    const [tokenOfFirst, tokenOfSecond] = await Promise.all([agencyToken(first, agency), agencyToken(second, agency)]);

    // Act
    const registered = await call(first, `/v1/dossiers/${dossierNo}`, { method: 'PUT', body, token: tokenOfFirst });
    const onFirst = await call(first, `/v1/dossiers/${dossierNo}`, { token: tokenOfFirst });
    const onSecond = await call(second, `/v1/dossiers/${dossierNo}`, { token: tokenOfSecond });
    const registeredOnSecond = await call(second, `/v1/dossiers/${dossierNo}`, { method: 'PUT', body, token: tokenOfSecond });
    const procedures = await Promise.all([first, second].map((runtime) => call(runtime, '/v1/procedures/2.000815')));

    // Assess
    expect(registered.status).toBe(201);
    expect(onFirst.status).toBe(200);
    expect(onFirst.json.dossierNo).toBe(dossierNo);
    expect(onSecond.status).toBe(404);
    // Created again, not an idempotent replay: the second runtime's table never had it.
    expect(registeredOnSecond.status).toBe(201);
    expect(procedures.map((p) => p.status)).toEqual([200, 200]);
  });

  it('trusts only its own development tokens', async () => {
    const tokenOfFirst = await agencyToken(first, agency);
    expect((await call(second, '/v1/reports/kpis?agencyCode=X&month=2026-05', { token: tokenOfFirst })).status).toBe(401);
  });
});
