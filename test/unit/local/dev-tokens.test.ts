import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpFunction } from '../../../shared/app/functions';
import { LocalApiGateway } from '../../../local/api-gateway';
import { DevTokenIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../local/dev-tokens';

const KID = 'dev-test';
const dir = mkdtempSync(join(tmpdir(), 'dev-tokens-'));
let privateKey: CryptoKey;
let issuer: DevTokenIssuer;
let gateway: LocalApiGateway;
let base = '';

const fn: HttpFunction = {
  name: 'Guarded',
  entry: 'unused',
  access: {},
  trigger: { kind: 'http', routes: [{ method: 'GET', path: '/v1/guarded', auth: 'jwt' }] },
};

beforeAll(async () => {
  // The issuer loads its key from DATA_DIR: sharing it lets the test sign tokens the issuer never mints.
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  writeFileSync(join(dir, 'dev-signing-key.json'), JSON.stringify({ ...(await exportJWK(privateKey)), kid: KID }));
  issuer = await DevTokenIssuer.create(dir);
  gateway = new LocalApiGateway({ port: 0, corsOrigins: [], verifyToken: (t) => issuer.verify(t) });
  gateway.addLambda(fn, async () => ({ statusCode: 200, body: '{}' }));
  base = await gateway.listen();
});

afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = () => Math.floor(Date.now() / 1000);

function signed(claims: { exp?: number; nbf?: number; iat?: number }): Promise<string> {
  return new SignJWT({ scope: 'citizen', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject('001099012345')
    .sign(privateKey);
}

const statusWith = async (token: string) =>
  (await fetch(`${base}/v1/guarded`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('Class: DevTokenIssuer (as strict as the API Gateway JWT authorizer)', () => {
  it('accepts a token with exp in the future, iat and nbf in the past', async () => {
    expect(await statusWith(await signed({ exp: now() + 600, iat: now() - 5, nbf: now() - 5 }))).toBe(200);
    expect(await statusWith(await issuer.mint({ role: 'citizen', sub: '001099012345' }))).toBe(200);
  });

  it.each([
    ['no exp', {}],
    ['no exp but iat and nbf', { iat: now() - 5, nbf: now() - 5 }],
    ['exp in the past', { exp: now() - 60 }],
    ['nbf in the future', { exp: now() + 600, nbf: now() + 300 }],
    ['iat in the future', { exp: now() + 600, iat: now() + 300 }],
  ])('refuses a token with %s: 401 before the handler', async (_case, claims) => {
    const token = await signed(claims);
    expect(await issuer.verify(token)).toBeUndefined();
    expect(await statusWith(token)).toBe(401);
  });
});
