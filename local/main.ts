/**
 * `npm start`: the whole API on this machine, on embedded DynamoDB and SQS emulators.
 * Settings come from environment variables (api.md, "Local runtime configuration").
 */
import { resolve } from 'node:path';
import { assertPortFree } from './ports';
import { silenceSdkNodeVersionWarning } from './quiet-warnings';
import { REPO_ROOT, UNITS_DATA_DIR, startLocalRuntime } from './runtime';
import { startBanner } from './runtime-info';

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
    unitsDir: process.env.UNITS_DIR ?? UNITS_DATA_DIR,
    ...(process.env.POST_OFFICE_AUTO_ADVANCE_MS ? { postOfficeAutoAdvanceMs: Number(process.env.POST_OFFICE_AUTO_ADVANCE_MS) } : {}),
    // Scheduled functions (outbox relay, expiry, reconciliations) this often instead of their rate; 0 never.
    ...(process.env.LOCAL_SCHEDULE_INTERVAL_MS ? { scheduleIntervalMs: Number(process.env.LOCAL_SCHEDULE_INTERVAL_MS) } : {}),
    // The operator's provider settings, secrets and tunables; the runtime reads them, never writes them back.
    settings: process.env,
    // A first start loads the catalogue and 3,321 communes: say what is happening while it does.
    onProgress: (message) => console.log(message),
  });
  const { baseUrl, dynamoDbEndpoint, sqsEndpoint } = runtime;
  console.log(startBanner({ baseUrl, dataDir, dynamoDbEndpoint, sqsEndpoint }, runtime.container.settings.values));

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
