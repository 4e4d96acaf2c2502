import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { displayPrefix, hashApiKey } from './api-key';
import { ApiKeysRepository } from './api-keys.repository';
import type { Principal } from './principal';
import type { ApiKeyRole } from './roles';

export type { ApiKeyRole } from './roles';
export type { Principal } from './principal';

/**
 * Resolves an API key to its tenant, roles and partner. Keys are compared by hash only, so a
 * database leak does not leak usable keys; a revoked or expired key (including the old key of a
 * rotation once its grace period is over) authenticates nobody.
 */
@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  async authenticate(presented: string | undefined): Promise<Principal> {
    if (!presented) {
      throw new DomainError('unauthenticated', 'API_KEY_REQUIRED', 'Send an API key as "Authorization: Bearer <key>"');
    }
    const key = await this.keys.findActiveByHash(hashApiKey(presented), new Date());
    if (!key) throw new DomainError('unauthenticated', 'API_KEY_INVALID', 'The API key is unknown, revoked or expired');
    return {
      keyId: key.id,
      tenantId: key.tenantId,
      roles: key.roles as ApiKeyRole[],
      partnerId: key.partnerId ?? undefined,
      rateLimitPerMinute: key.rateLimitPerMinute ?? undefined,
    };
  }

  /**
   * Makes sure a tenant and a given key exist: used for the bootstrap key from configuration
   * and the demo network. Idempotent, so it runs on every start; a key revoked through the API
   * stays revoked (its row exists).
   */
  async ensureKey(tenantId: string, tenantName: string, key: string, roles: ApiKeyRole[], name: string): Promise<void> {
    await this.keys.upsertTenant(tenantId, tenantName);
    await this.keys.insertKeyIfAbsent({
      id: randomUUID(),
      tenantId,
      name,
      keyPrefix: displayPrefix(key),
      keyHash: hashApiKey(key),
      roles,
      partnerId: null,
      rateLimitPerMinute: null,
      expiresAt: null,
      revokedAt: null,
      replacedBy: null,
    });
  }
}
