import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import * as z from '../shared/platform/api/zod';
import { AgencyCodeSchema } from '../shared/platform/api/common';

export const LOCAL_ISSUER = 'https://toantrinh.local/dev-issuer';
export const LOCAL_AUDIENCE = 'toantrinh-api';

/** Body of `POST /v1/dev/tokens`, a route that exists only in the local runtime. */
export const DevTokenRequestSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('citizen'), sub: z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit citizen id')) }),
  z.strictObject({ role: z.literal('agency'), agency: AgencyCodeSchema }),
  /** A city official: scope `city`, sees every agency's KPIs and sets their targets. */
  z.strictObject({ role: z.literal('city'), sub: z.optional(z.string().check(z.regex(/^[a-z0-9._-]{1,40}$/, 'must be 1–40 lower-case letters, digits, dot, dash or underscore'))) }),
]);
export type DevTokenRequest = z.infer<typeof DevTokenRequestSchema>;

interface KeyPair {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

async function loadOrCreateKey(dataDir: string | undefined): Promise<KeyPair> {
  const file = dataDir ? join(dataDir, 'dev-signing-key.json') : undefined;
  if (file && existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    return {
      kid: jwk.kid,
      privateKey: (await importJWK(jwk, 'RS256')) as CryptoKey,
      publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey,
    };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid }), { mode: 0o600 });
  }
  return { kid, privateKey, publicKey };
}

/**
 * Mints and verifies development tokens the way the deployed API Gateway JWT authorizer verifies
 * real ones (signature, issuer, audience, expiry). Never part of the deployed stack.
 */
export class DevTokenIssuer {
  private constructor(private readonly key: KeyPair) {}

  static async create(dataDir?: string): Promise<DevTokenIssuer> {
    return new DevTokenIssuer(await loadOrCreateKey(dataDir));
  }

  async mint(request: DevTokenRequest, ttlSeconds = 12 * 60 * 60): Promise<string> {
    const claims =
      request.role === 'citizen' ? { scope: 'citizen' } : request.role === 'agency' ? { scope: 'agency', agency: request.agency } : { scope: 'city' };
    const subject =
      request.role === 'citizen' ? request.sub : request.role === 'agency' ? `agency:${request.agency}` : `city:${request.sub ?? 'official'}`;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key.privateKey);
  }

  /**
   * The verified claims, or undefined for any token API Gateway would refuse. Its JWT authorizer
   * requires `exp` in the future and, when present, `nbf` and `iat` in the past; jose alone accepts a
   * token without `exp` (it would never expire) and does not look at `iat` without a maximum age.
   */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
      if (payload.iat !== undefined && payload.iat > Math.floor(Date.now() / 1000)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }
}
