import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import { ApiKeysRepository } from '../auth/api-keys.repository';
import type { GatewaySettings } from '../gateway-config';
import { GATEWAY_SETTINGS } from '../gateway.tokens';
import { decodeCursor, pageSize, toPage, type Page, type PageQueryDto } from '../limits/pagination';
import { toTenantView } from './admin-views';
import { ApiKeyAdminService } from './api-key-admin.service';
import type { CreateTenantDto } from './create-tenant.dto';
import type { CreatedTenantView } from './created-tenant.view';
import type { TenantView } from './tenant.view';

/**
 * Tenants. Creating and listing tenants crosses tenants, so only the operator may do it: an admin
 * key of the bootstrap tenant (GATEWAY_BOOTSTRAP_TENANT). Every other admin sees only its own
 * tenant. A new tenant comes with its first admin key, in the same transaction.
 */
@Injectable()
export class TenantsService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly keyAdmin: ApiKeyAdminService,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async create(dto: CreateTenantDto): Promise<CreatedTenantView> {
    this.requireOperator();
    return this.keys.transaction(async (manager) => {
      if (!(await this.keys.insertTenant(manager, dto.id, dto.name))) {
        throw new DomainError('conflict', 'TENANT_EXISTS', `Tenant ${dto.id} already exists`, { id: dto.id });
      }
      const adminKey = await this.keyAdmin.issueIn(manager, dto.id, { name: 'first admin key', roles: ['admin'] });
      const tenant = await this.keys.findTenant(dto.id);
      return {
        tenant: tenant ? toTenantView(tenant) : { id: dto.id, name: dto.name, createdAt: adminKey.apiKey.createdAt },
        adminKey,
      };
    });
  }

  async list(query: PageQueryDto): Promise<Page<TenantView>> {
    this.requireOperator();
    const limit = pageSize(query);
    const rows = await this.keys.listTenants(decodeCursor(query.cursor, 2), limit + 1);
    return toPage(rows, limit, (t) => [t.createdAt.toISOString(), t.id], toTenantView);
  }

  async current(): Promise<TenantView> {
    const tenant = await this.keys.findTenant(requireTenant());
    if (!tenant) throw new DomainError('not_found', 'TENANT_NOT_FOUND', 'The tenant of this key does not exist');
    return toTenantView(tenant);
  }

  private requireOperator(): void {
    if (requireTenant() !== this.settings.bootstrapTenant) {
      throw new DomainError('forbidden', 'OPERATOR_ONLY', 'Only admin keys of the operator tenant may manage tenants');
    }
  }
}
