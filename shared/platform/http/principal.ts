import { AuthenticationError, ForbiddenError } from '../kernel/errors';
import type { OperationAuth } from '../api/operation';
import type { HttpEvent } from './types';

/** Who is calling, as established by the JWT authorizer. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'citizen'; readonly citizenId: string }
  | { readonly kind: 'agency'; readonly agencyCode: string }
  /** A city official (scope `city`): reads every agency's figures and sets their targets. */
  | { readonly kind: 'city' };

const CITIZEN_ID = /^\d{12}$/;

function scopesOf(claims: Record<string, unknown>, scopes: readonly string[] | null | undefined): string[] {
  const fromClaim = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  return [...fromClaim, ...(scopes ?? [])];
}

/** Reads the verified claims API Gateway put on the event; it never verifies a token itself. */
export function principalOf(event: HttpEvent): Principal {
  const jwt = event.requestContext.authorizer?.jwt;
  if (!jwt) return { kind: 'anonymous' };
  const claims = jwt.claims as Record<string, unknown>;
  // Checked first: a city official's token may also name an agency, and must not be narrowed to it.
  if (scopesOf(claims, jwt.scopes).includes('city')) return { kind: 'city' };
  if (scopesOf(claims, jwt.scopes).includes('agency') && typeof claims.agency === 'string' && claims.agency !== '') {
    return { kind: 'agency', agencyCode: claims.agency };
  }
  if (typeof claims.sub === 'string' && CITIZEN_ID.test(claims.sub)) return { kind: 'citizen', citizenId: claims.sub };
  return { kind: 'anonymous' };
}

/** Refuses a principal whose role does not fit the operation. */
export function authorize(auth: OperationAuth, principal: Principal): void {
  if (auth === 'public' || auth === 'signed') return;
  if (principal.kind === 'anonymous') throw new AuthenticationError('A valid bearer token is required');
  const allowed =
    (auth === 'citizen_or_agency' && (principal.kind === 'citizen' || principal.kind === 'agency')) ||
    (auth === 'citizen' && principal.kind === 'citizen') ||
    (auth === 'agency' && principal.kind === 'agency') ||
    (auth === 'city' && principal.kind === 'city') ||
    (auth === 'agency_or_city' && (principal.kind === 'agency' || principal.kind === 'city'));
  if (!allowed) throw new ForbiddenError(`This operation is for ${auth.replace(/_/g, ' ')} callers`);
}
