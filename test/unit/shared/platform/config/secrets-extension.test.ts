import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretReader, extensionFetcher } from '../../../../../shared/platform/config/secrets';

/** Speaks the Parameters and Secrets extension's GetParameter interface, as AWS documents it. */
const seen: { url: string; token: string | undefined }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  const token = req.headers['x-aws-parameters-secrets-token'] as string | undefined;
  seen.push({ url: req.url ?? '', token });
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (token !== 'session-token') return void res.writeHead(401).end('{}');
  if (url.pathname !== '/systemsmanager/parameters/get' || url.searchParams.get('withDecryption') !== 'true') return void res.writeHead(400).end('{}');
  if (url.searchParams.get('name') !== '/toantrinh/prod/vnpay-hash-secret') return void res.writeHead(400).end('{"message":"ParameterNotFound"}');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Parameter: { Name: url.searchParams.get('name'), Type: 'SecureString', Value: 's3cr3t', Version: 3 } }));
});
let port = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = String((server.address() as AddressInfo).port);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Function: extensionFetcher', () => {
  it('asks the extension for the decrypted parameter with the session token and returns its value', async () => {
    // Prepare
    const read = createSecretReader({ values: {}, parameterPrefix: '/toantrinh/prod/' }, extensionFetcher({ AWS_SESSION_TOKEN: 'session-token', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port }));

    // Act
    const value = await read('VNPAY_HASH_SECRET');

    // Assess
    expect(value).toBe('s3cr3t');
    expect(seen.at(-1)).toEqual({ url: '/systemsmanager/parameters/get?name=%2Ftoantrinh%2Fprod%2Fvnpay-hash-secret&withDecryption=true', token: 'session-token' });
  });

  it('fails naming the parameter and the status when the extension refuses (unknown parameter, wrong token)', async () => {
    const fetcher = extensionFetcher({ AWS_SESSION_TOKEN: 'session-token', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port });
    await expect(fetcher('/toantrinh/prod/other')).rejects.toThrow('Parameter /toantrinh/prod/other: the secrets extension answered 400');
    const wrong = extensionFetcher({ AWS_SESSION_TOKEN: 'other', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port });
    await expect(wrong('/toantrinh/prod/vnpay-hash-secret')).rejects.toThrow('answered 401');
  });

  it('refuses outside Lambda (no session token) without calling anything', async () => {
    const before = seen.length;
    await expect(extensionFetcher({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port })('/x')).rejects.toThrow(/AWS_SESSION_TOKEN/);
    expect(seen.length).toBe(before);
  });
});
