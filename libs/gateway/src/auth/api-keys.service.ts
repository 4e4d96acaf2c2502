import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { displayPrefix, hashApiKey } from './api-key';
import { ApiKeysRepository } from './api-keys.repository';

export type ApiKeyRole = 'admin' | 'channel' | 'store' | 'service' | 'partner' | 'readonly';

export interface Principal {
  keyId: string;
  tenantId: string;
  roles: ApiKeyRole[];
}

/**
 * Resolves an API key to its tenant and roles. Keys are compared by hash only, so a database
 * leak does not leak usable keys.
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
    return { keyId: key.id, tenantId: key.tenantId, roles: key.roles as ApiKeyRole[] };
  }

  /**
   * Makes sure a tenant and a given key exist: used for the bootstrap key from configuration
   * and the demo network. Idempotent, so it runs on every start.
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
      expiresAt: null,
      revokedAt: null,
    });
  }
}
