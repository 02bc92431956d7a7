/**
 * `npm start`: the whole API on this machine, on embedded DynamoDB and SQS emulators.
 * Settings come from environment variables (api.md, "Local runtime configuration").
 */
import { resolve } from 'node:path';
import { assertPortFree } from './ports';
import { silenceSdkNodeVersionWarning } from './quiet-warnings';
import { REPO_ROOT, SHARED_DATA_DIR, startLocalRuntime } from './runtime';

silenceSdkNodeVersionWarning();

function settings() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const dataDirSetting = process.env.DATA_DIR ?? '.local/data';
  return {
    port,
    dataDir: dataDirSetting === ':memory:' ? undefined : resolve(REPO_ROOT, dataDirSetting),
    corsOrigins: (process.env.CORS_ALLOWED_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173').split(',').map((o) => o.trim()).filter(Boolean),
  };
}

async function main(): Promise<void> {
  const { port, dataDir, corsOrigins } = settings();
  if (port !== 0) await assertPortFree(port, 'PORT');
  console.log('Starting DynamoDB Local and the SQS emulator…');
  const runtime = await startLocalRuntime({
    port,
    dataDir,
    corsOrigins,
    seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'),
    unitsDir: process.env.UNITS_DIR ?? SHARED_DATA_DIR,
    ...(process.env.POST_OFFICE_AUTO_ADVANCE_MS ? { postOfficeAutoAdvanceMs: Number(process.env.POST_OFFICE_AUTO_ADVANCE_MS) } : {}),
  });
  const url = runtime.baseUrl;
  console.log(`
toantrinh local API: ${url}
  OpenAPI:   ${url}/v1/openapi.json
  Health:    ${url}/v1/health
  Data:      ${dataDir ?? 'in memory (DATA_DIR=:memory:)'}
  Emulators: DynamoDB ${runtime.dynamoDbEndpoint} · SQS ${runtime.sqsEndpoint}

Mint a local token (the deployed stack uses your identity provider instead):
  curl -s -X POST ${url}/v1/dev/tokens -H 'content-type: application/json' -d '{"role":"citizen","sub":"001099012345"}'
  curl -s -X POST ${url}/v1/dev/tokens -H 'content-type: application/json' -d '{"role":"agency","agency":"HP-STP"}'
Sandboxes (local only): VNPay gateway ${url}/sandbox/vnpay/pay · bank transfer ${url}/sandbox/vietqr · post office ${url}/sandbox/postal
  VNPAY_TMN_CODE=${process.env.VNPAY_TMN_CODE} VNPAY_HASH_SECRET=${process.env.VNPAY_HASH_SECRET}
  VIETQR_WEBHOOK_SECRETS=${process.env.VIETQR_WEBHOOK_SECRETS} POSTAL_WEBHOOK_SECRETS=${process.env.POSTAL_WEBHOOK_SECRETS}

Try a quote:
  curl -s -X POST ${url}/v1/fees/quote -H 'content-type: application/json' -d '{"procedureCode":"2.000815","channel":"online","inputs":{"pages":3,"copies":1}}'

Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`toantrinh local runtime failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
