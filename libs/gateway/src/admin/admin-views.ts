import type { ApiKeyEntity } from '../auth/api-key.entity';
import type { PartnerEntity } from '../auth/partner.entity';
import type { ApiKeyRole } from '../auth/roles';
import type { TenantEntity } from '../auth/tenant.entity';
import type { ApiKeyStatus, ApiKeyView } from './api-key.view';
import type { PartnerView } from './partner.view';
import type { TenantView } from './tenant.view';

export function toTenantView(tenant: TenantEntity): TenantView {
  return { id: tenant.id, name: tenant.name, createdAt: tenant.createdAt.toISOString() };
}

export function toPartnerView(partner: PartnerEntity, locationIds: string[]): PartnerView {
  return {
    id: partner.id,
    name: partner.name,
    locationIds,
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}

/** Where a key stands at `now`: revoked wins, then expired, then replaced-but-in-grace. */
export function apiKeyStatus(key: Pick<ApiKeyEntity, 'revokedAt' | 'expiresAt' | 'replacedBy'>, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'expired';
  if (key.replacedBy) return 'rotating';
  return 'active';
}

export function toApiKeyView(key: ApiKeyEntity, now = new Date()): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.keyPrefix,
    roles: key.roles as ApiKeyRole[],
    partnerId: key.partnerId,
    rateLimitPerMinute: key.rateLimitPerMinute,
    status: apiKeyStatus(key, now),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    replacedBy: key.replacedBy,
    createdAt: key.createdAt.toISOString(),
  };
}
