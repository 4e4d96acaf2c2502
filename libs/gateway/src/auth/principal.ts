import type { Request } from 'express';
import type { ApiKeyRole } from './roles';

/** Who is calling: the authenticated API key, its tenant, roles and (for partner-bound keys) partner. */
export interface Principal {
  keyId: string;
  tenantId: string;
  roles: ApiKeyRole[];
  /** Set when the key is bound to a partner: it then sees only objects touching that partner's locations. */
  partnerId?: string;
  /** The key's own rate limit, when it has one (else the gateway default). */
  rateLimitPerMinute?: number;
}

const principals = new WeakMap<Request, Principal>();

/** Remembers the principal of a request once the guard has authenticated it. */
export function attachPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

/** The principal of an authenticated request, or undefined for public routes and before the guard ran. */
export function principalOf(request: Request): Principal | undefined {
  return principals.get(request);
}
