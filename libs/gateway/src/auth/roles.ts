import { SetMetadata } from '@nestjs/common';

/**
 * What a key may do. `admin` manages its tenant (partners, keys, channel connections) and may call
 * every route; `channel` places orders; `store` works fulfilments at its locations; `service` reads
 * for customer service; `partner` is a franchisee that sees only what touches its own locations;
 * `readonly` reads.
 */
export const API_KEY_ROLES = ['admin', 'channel', 'store', 'service', 'partner', 'readonly'] as const;

export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** Roles a key bound to a partner may hold: none that reaches beyond the partner's locations. */
export const PARTNER_KEY_ROLES: readonly ApiKeyRole[] = ['partner', 'store', 'readonly'];

export const ROLES_KEY = 'baton:roles';
export const PUBLIC_KEY = 'baton:public';

/**
 * The roles allowed to call a route; `admin` may call every route. A route of the API without
 * this decorator (and not {@link Public}) is admin-only: access is denied unless granted.
 */
export const RequireRoles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A route that takes no API key (it authenticates some other way, e.g. a webhook's HMAC, or
 * reveals nothing private). It is still rate-limited per client address.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
