import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertJavaAvailable } from '../../../local/emulators/dynamodb-local';
import { assertPortFree } from '../../../local/ports';

describe('Local runtime start-up checks', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('says how to install Java when it is missing', () => {
    vi.stubEnv('PATH', '/nonexistent');
    expect(() => assertJavaAvailable()).toThrow(/Java is required.*openjdk-17-jre-headless/);
  });

  it('names the port and the variable to change when the port is taken', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(assertPortFree(port, 'PORT')).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use. Stop what uses it or set PORT=`);
    } finally {
      server.close();
    }
  });
});
