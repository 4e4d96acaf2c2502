import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant } from '@baton/platform';

/** Per-tenant tracking settings; a tenant without a row has the defaults (private URLs refused). */
@Injectable()
export class TenantSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async allowsPrivateWebhookUrls(tenantId: string = requireTenant()): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ allow: boolean }>>(
      `SELECT allow_private_webhook_urls AS allow FROM tracking_tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0]?.allow ?? false;
  }

  async setAllowPrivateWebhookUrls(allow: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO tracking_tenant_settings (tenant_id, allow_private_webhook_urls, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (tenant_id) DO UPDATE SET allow_private_webhook_urls = EXCLUDED.allow_private_webhook_urls, updated_at = now()`,
      [requireTenant(), allow],
    );
  }
}
