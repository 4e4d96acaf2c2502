import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ValidationError } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import { displayPrefix, generateApiKey, hashApiKey } from '../auth/api-key';
import { ApiKeysRepository } from '../auth/api-keys.repository';
import { PartnersRepository } from '../auth/partners.repository';
import { PARTNER_KEY_ROLES, type ApiKeyRole } from '../auth/roles';
import { decodeCursor, pageSize, toPage, type Page, type PageQueryDto } from '../limits/pagination';
import { toApiKeyView } from './admin-views';
import type { ApiKeyView } from './api-key.view';
import type { IssuedApiKeyView } from './issued-api-key.view';
import type { IssueApiKeyDto } from './issue-api-key.dto';
import { DEFAULT_ROTATION_GRACE_SECONDS, type RotateApiKeyDto } from './rotate-api-key.dto';

/** What a new key is: everything but the secret, which is made here. */
export interface KeySpec {
  name: string;
  roles: ApiKeyRole[];
  partnerId?: string;
  expiresAt?: Date;
  rateLimitPerMinute?: number;
}

const keyNotFound = (id: string) => new DomainError('not_found', 'API_KEY_NOT_FOUND', `API key ${id} does not exist`, { id });

/**
 * Issues, lists, rotates and revokes the API keys of the caller's tenant. Invariants: a key is
 * shown once and stored only as a hash; a key bound to a partner never holds a role reaching
 * beyond the partner's locations; a rotated key stays valid only until its grace expiry and is
 * rotated at most once; all of it happens only inside the caller's tenant (a foreign key id is
 * answered like a missing one).
 */
@Injectable()
export class ApiKeyAdminService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly partners: PartnersRepository,
  ) {}

  async issue(dto: IssueApiKeyDto): Promise<IssuedApiKeyView> {
    const spec = await this.checkSpec(dto);
    return this.keys.transaction((manager) => this.issueIn(manager, requireTenant(), spec));
  }

  /** Stores a new key for `tenantId` in the caller's transaction; the only place a key is made. */
  async issueIn(manager: EntityManager, tenantId: string, spec: KeySpec): Promise<IssuedApiKeyView> {
    const key = generateApiKey();
    const row = await this.keys.insertKey(manager, {
      id: randomUUID(),
      tenantId,
      name: spec.name,
      keyPrefix: displayPrefix(key),
      keyHash: hashApiKey(key),
      roles: spec.roles,
      partnerId: spec.partnerId ?? null,
      rateLimitPerMinute: spec.rateLimitPerMinute ?? null,
      expiresAt: spec.expiresAt ?? null,
      revokedAt: null,
      replacedBy: null,
    });
    return { key, apiKey: toApiKeyView(row) };
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.keys.findKey(id);
    if (!key) throw keyNotFound(id);
    return toApiKeyView(key);
  }

  async list(query: PageQueryDto): Promise<Page<ApiKeyView>> {
    const limit = pageSize(query);
    const rows = await this.keys.listKeys(decodeCursor(query.cursor, 2), limit + 1);
    const now = new Date();
    return toPage(rows, limit, (k) => [k.createdAt.toISOString(), k.id], (k) => toApiKeyView(k, now));
  }

  /**
   * Replaces a key by a new one with the same roles, partner and limit. The old key keeps working
   * for the grace period (so clients can switch without downtime) and then expires.
   */
  async rotate(id: string, dto: RotateApiKeyDto): Promise<IssuedApiKeyView> {
    const newExpiry = dto.expiresAt === undefined ? undefined : futureDate(dto.expiresAt, 'expiresAt');
    const now = new Date();
    return this.keys.transaction(async (manager) => {
      const old = await this.keys.findKeyForUpdate(manager, id);
      if (!old) throw keyNotFound(id);
      if (old.revokedAt) throw new DomainError('conflict', 'API_KEY_REVOKED', 'A revoked key cannot be rotated', { id });
      if (old.expiresAt && old.expiresAt <= now) {
        throw new DomainError('conflict', 'API_KEY_EXPIRED', 'An expired key cannot be rotated', { id });
      }
      if (old.replacedBy) {
        throw new DomainError('conflict', 'API_KEY_ALREADY_ROTATED', 'This key was already rotated; rotate its replacement', {
          id,
          replacedBy: old.replacedBy,
        });
      }
      const issued = await this.issueIn(manager, old.tenantId, {
        name: old.name,
        roles: old.roles as ApiKeyRole[],
        partnerId: old.partnerId ?? undefined,
        rateLimitPerMinute: old.rateLimitPerMinute ?? undefined,
        expiresAt: newExpiry,
      });
      const graceEnd = new Date(now.getTime() + (dto.gracePeriodSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS) * 1000);
      const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
      await this.keys.updateKey(manager, id, { replacedBy: issued.apiKey.id, expiresAt });
      return issued;
    });
  }

  /** Ends a key now. Revoking a revoked key changes nothing and answers the same. */
  async revoke(id: string): Promise<ApiKeyView> {
    return this.keys.transaction(async (manager) => {
      const key = await this.keys.findKeyForUpdate(manager, id);
      if (!key) throw keyNotFound(id);
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await this.keys.updateKey(manager, id, { revokedAt: key.revokedAt });
      }
      return toApiKeyView(key);
    });
  }

  private async checkSpec(dto: IssueApiKeyDto): Promise<KeySpec> {
    const expiresAt = dto.expiresAt === undefined ? undefined : futureDate(dto.expiresAt, 'expiresAt');
    if (dto.partnerId === undefined) {
      if (dto.roles.includes('partner')) {
        throw new ValidationError([{ field: 'partnerId', message: 'a key with the partner role must be bound to a partner' }]);
      }
    } else {
      const beyond = dto.roles.filter((role) => !PARTNER_KEY_ROLES.includes(role));
      if (beyond.length > 0) {
        throw new ValidationError([
          {
            field: 'roles',
            message: `a key bound to a partner may hold only ${PARTNER_KEY_ROLES.join(', ')} (not ${beyond.join(', ')})`,
          },
        ]);
      }
      if (!(await this.partners.findPartner(dto.partnerId))) {
        throw new ValidationError([{ field: 'partnerId', message: `no partner ${dto.partnerId} in this tenant` }]);
      }
    }
    return { name: dto.name, roles: dto.roles, partnerId: dto.partnerId, expiresAt, rateLimitPerMinute: dto.rateLimitPerMinute };
  }
}

function futureDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
    throw new ValidationError([{ field, message: `${field} must be a date-time in the future` }]);
  }
  return date;
}
