import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requireTenant } from '@baton/platform';

/**
 * Carrier ingest state of the current tenant: the secret each carrier signs with, and a receipt per
 * scan taken, so a carrier re-sending a webhook (or a poll seeing a scan again) adds nothing.
 */
@Injectable()
export class CarrierTrackingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async secretOf(carrier: string): Promise<string | null> {
    const rows = await this.dataSource.query<Array<{ secret: string }>>(
      `SELECT secret FROM carrier_tracking_settings WHERE tenant_id = $1 AND carrier = $2`,
      [requireTenant(), carrier],
    );
    return rows[0]?.secret ?? null;
  }

  async saveSecret(carrier: string, secret: string): Promise<Date> {
    const rows = await this.dataSource.query<Array<{ updated_at: Date }>>(
      `INSERT INTO carrier_tracking_settings (tenant_id, carrier, secret, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (tenant_id, carrier) DO UPDATE SET secret = EXCLUDED.secret, updated_at = now()
       RETURNING updated_at`,
      [requireTenant(), carrier, secret],
    );
    return rows[0].updated_at;
  }

  /** Records that a scan was taken; false when it was taken before (in the caller's transaction). */
  async recordReceipt(manager: EntityManager, carrier: string, trackingNumber: string, scanId: string, eventId: string): Promise<boolean> {
    const inserted = await manager.query<Array<{ scan_id: string }>>(
      `INSERT INTO carrier_scan_receipts (tenant_id, carrier, tracking_number, scan_id, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING scan_id`,
      [requireTenant(), carrier, trackingNumber, scanId, eventId],
    );
    return inserted.length > 0;
  }
}
