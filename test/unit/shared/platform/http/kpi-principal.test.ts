import { describe, expect, it } from 'vitest';
import { authorize, principalOf } from '../../../../../shared/platform/http/principal';
import { ForbiddenError } from '../../../../../shared/platform/kernel/errors';
import type { HttpEvent } from '../../../../../shared/platform/http/types';

const withClaims = (claims: Record<string, unknown>) => ({ requestContext: { authorizer: { jwt: { claims, scopes: null } } } }) as unknown as HttpEvent;

describe('the city role', () => {
  it('comes from a scope containing city, even when the token also names an agency', () => {
    expect(principalOf(withClaims({ scope: 'city', sub: 'city:official' }))).toEqual({ kind: 'city' });
    expect(principalOf(withClaims({ scope: 'agency city', agency: 'HP-STP' }))).toEqual({ kind: 'city' });
    expect(principalOf(withClaims({ scope: 'agency', agency: 'HP-STP' }))).toEqual({ kind: 'agency', agencyCode: 'HP-STP' });
    expect(principalOf(withClaims({ scope: 'cityhall' }))).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['city', { kind: 'city' } as const, true],
    ['city', { kind: 'agency', agencyCode: 'HP-STP' } as const, false],
    ['agency_or_city', { kind: 'city' } as const, true],
    ['agency_or_city', { kind: 'agency', agencyCode: 'HP-STP' } as const, true],
    ['agency_or_city', { kind: 'citizen', citizenId: '031099012345' } as const, false],
    ['citizen_or_agency', { kind: 'city' } as const, false],
    ['agency', { kind: 'city' } as const, false],
  ] as const)('%s admits %o: %s', (auth, principal, allowed) => {
    const call = () => authorize(auth, principal);
    if (allowed) expect(call).not.toThrow();
    else expect(call).toThrow(ForbiddenError);
  });
});
