import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentContext, requireTenant } from '@baton/platform';
import { updateReturning } from '../persistence/returning-rows';

export interface WebhookSubscriptionRow {
  id: string;
  tenantId: string;
  partnerId: string | null;
  url: string;
  secret: string;
  eventTypes: string[];
  description: string;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
}

interface Row {
  id: string;
  tenant_id: string;
  partner_id: string | null;
  url: string;
  secret: string;
  event_types: string[];
  description: string;
  active: boolean;
  created_at: Date;
  deactivated_at: Date | null;
}

const COLUMNS = 'id, tenant_id, partner_id, url, secret, event_types, description, active, created_at, deactivated_at';

function toSubscription(row: Row): WebhookSubscriptionRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    partnerId: row.partner_id,
    url: row.url,
    secret: row.secret,
    eventTypes: row.event_types,
    description: row.description,
    active: row.active,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  };
}

/**
 * Webhook subscriptions of the current tenant. A partner key sees and creates only its own
 * subscriptions (partner id from the request context); a tenant key sees them all.
 */
@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(subscription: Pick<WebhookSubscriptionRow, 'id' | 'url' | 'secret' | 'eventTypes' | 'description'>): Promise<WebhookSubscriptionRow> {
    const rows = await this.dataSource.query<Row[]>(
      `INSERT INTO webhook_subscriptions (id, tenant_id, partner_id, url, secret, event_types, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        subscription.id,
        requireTenant(),
        currentContext()?.partnerId ?? null,
        subscription.url,
        subscription.secret,
        subscription.eventTypes,
        subscription.description,
      ],
    );
    return toSubscription(rows[0]);
  }

  async findAll(): Promise<WebhookSubscriptionRow[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions
        WHERE tenant_id = $1 AND ($2::text IS NULL OR partner_id = $2) ORDER BY created_at, id`,
      [requireTenant(), currentContext()?.partnerId ?? null],
    );
    return rows.map(toSubscription);
  }

  async findOne(id: string): Promise<WebhookSubscriptionRow | null> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions
        WHERE tenant_id = $1 AND id = $2 AND ($3::text IS NULL OR partner_id = $3)`,
      [requireTenant(), id, currentContext()?.partnerId ?? null],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  /** Stops a subscription and parks what was still waiting for it, in one transaction. */
  async deactivate(id: string): Promise<WebhookSubscriptionRow | null> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updateReturning<Row>(
        manager,
        `UPDATE webhook_subscriptions SET active = false, deactivated_at = coalesce(deactivated_at, now())
          WHERE tenant_id = $1 AND id = $2 AND ($3::text IS NULL OR partner_id = $3) RETURNING ${COLUMNS}`,
        [requireTenant(), id, currentContext()?.partnerId ?? null],
      );
      if (!rows[0]) return null;
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'parked', lease_until = NULL WHERE subscription_id = $1 AND status = 'pending'`,
        [id],
      );
      return toSubscription(rows[0]);
    });
  }
}
