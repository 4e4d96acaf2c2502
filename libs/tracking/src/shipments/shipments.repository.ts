import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScanCode } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import type { ScanDraft, ShipmentDraft } from '../projection/read-model-drafts';
import type { RecordedScan } from '../status/order-milestones';

/** A parcel as the shipped event announced it. */
export interface TrackedShipment {
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

/** An open parcel of a carrier, for pollers: not yet reported delivered. */
export interface OpenParcel {
  tenantId: string;
  carrier: string;
  trackingNumber: string;
}

interface ScanRow {
  event_id: string;
  carrier: string;
  tracking_number: string;
  code: ScanCode;
  description: string;
  place_name: string;
  city: string;
  postal_code: string;
  country: string;
  occurred_at: Date;
  estimated_delivery_at: Date | null;
  correlation_id: string;
}

function placeOf(row: ScanRow): string {
  const town = [row.postal_code, row.city].filter(Boolean).join(' ');
  return [row.place_name, town, row.country].filter(Boolean).join(', ');
}

function toScan(row: ScanRow): RecordedScan {
  return {
    eventId: row.event_id,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    code: row.code,
    description: row.description,
    place: placeOf(row),
    city: row.city,
    country: row.country,
    occurredAt: row.occurred_at.toISOString(),
    estimatedDeliveryAt: row.estimated_delivery_at?.toISOString() ?? null,
    correlationId: row.correlation_id,
  };
}

/**
 * Shipments by tracking number and the carrier scans of each parcel. Scans are keyed by carrier and
 * tracking number, not by order, so a scan recorded before its shipment is joined as soon as the
 * shipment is known. Reads are scoped to the current tenant, except the poller's system query.
 */
@Injectable()
export class ShipmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordShipment(manager: EntityManager, draft: ShipmentDraft): Promise<void> {
    await manager.query(
      `INSERT INTO tracked_shipments
         (tenant_id, shipment_id, order_id, fulfillment_id, location_id, carrier, service, tracking_number, shipped_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant_id, shipment_id) DO NOTHING`,
      [
        draft.tenantId,
        draft.shipmentId,
        draft.orderId,
        draft.fulfillmentId,
        draft.locationId,
        draft.carrier,
        draft.service,
        draft.trackingNumber,
        draft.shippedAt.toISOString(),
        draft.eventId,
      ],
    );
  }

  async recordScan(manager: EntityManager, draft: ScanDraft): Promise<void> {
    await manager.query(
      `INSERT INTO shipment_scans
         (event_id, tenant_id, carrier, tracking_number, scan_id, code, description, place_name, city, postal_code,
          country, occurred_at, estimated_delivery_at, source, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (event_id) DO NOTHING`,
      [
        draft.eventId,
        draft.tenantId,
        draft.carrier,
        draft.trackingNumber,
        draft.scanId,
        draft.code,
        draft.description,
        draft.placeName,
        draft.city,
        draft.postalCode,
        draft.country,
        draft.occurredAt.toISOString(),
        draft.estimatedDeliveryAt?.toISOString() ?? null,
        draft.source,
        draft.correlationId,
      ],
    );
  }

  /** The orders shipping a parcel (in the caller's transaction, for an event's tenant). */
  async orderIdsOfParcel(manager: EntityManager, tenantId: string, carrier: string, trackingNumber: string): Promise<string[]> {
    const rows = await manager.query<Array<{ order_id: string }>>(
      `SELECT DISTINCT order_id FROM tracked_shipments
        WHERE tenant_id = $1 AND lower(carrier) = lower($2) AND tracking_number = $3 ORDER BY order_id`,
      [tenantId, carrier, trackingNumber],
    );
    return rows.map((row) => row.order_id);
  }

  async findByTrackingNumber(trackingNumber: string): Promise<TrackedShipment[]> {
    return this.find(`tracking_number = $2`, trackingNumber);
  }

  async findByOrders(orderIds: string[]): Promise<TrackedShipment[]> {
    if (orderIds.length === 0) return [];
    return this.find(`order_id = ANY($2::text[])`, orderIds);
  }

  /** Every scan of the given parcels of the current tenant. */
  async scansOf(parcels: Array<{ carrier: string; trackingNumber: string }>): Promise<RecordedScan[]> {
    if (parcels.length === 0) return [];
    const rows = await this.dataSource.query<ScanRow[]>(
      `SELECT s.event_id, s.carrier, s.tracking_number, s.code, s.description, s.place_name, s.city, s.postal_code,
              s.country, s.occurred_at, s.estimated_delivery_at, s.correlation_id
         FROM shipment_scans s
         JOIN unnest($2::text[], $3::text[]) AS p(carrier, tracking_number)
           ON lower(s.carrier) = lower(p.carrier) AND s.tracking_number = p.tracking_number
        WHERE s.tenant_id = $1
        ORDER BY s.occurred_at, s.event_id`,
      [requireTenant(), parcels.map((p) => p.carrier), parcels.map((p) => p.trackingNumber)],
    );
    return rows.map(toScan);
  }

  /**
   * Parcels of `carrier` (every tenant: the poller is a system job) that neither a delivered scan
   * nor a delivered event closed yet, shipped within the last `sinceDays`.
   */
  async openParcels(carrier: string, sinceDays: number, limit: number): Promise<OpenParcel[]> {
    const rows = await this.dataSource.query<Array<{ tenant_id: string; carrier: string; tracking_number: string }>>(
      `SELECT DISTINCT ON (t.tenant_id, t.tracking_number) t.tenant_id, t.carrier, t.tracking_number
         FROM tracked_shipments t
        WHERE lower(t.carrier) = lower($1)
          AND t.shipped_at > now() - make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM shipment_scans s
                           WHERE s.tenant_id = t.tenant_id AND lower(s.carrier) = lower(t.carrier)
                             AND s.tracking_number = t.tracking_number AND s.code = 'delivered')
          AND NOT EXISTS (SELECT 1 FROM timeline_entries e
                           WHERE e.tenant_id = t.tenant_id AND e.order_id = t.order_id
                             AND e.type = 'fulfillment.fulfillment.delivered.v1' AND e.data->>'shipmentId' = t.shipment_id)
        ORDER BY t.tenant_id, t.tracking_number
        LIMIT $3`,
      [carrier, sinceDays, limit],
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, carrier: row.carrier, trackingNumber: row.tracking_number }));
  }

  private async find(condition: string, value: string | string[]): Promise<TrackedShipment[]> {
    const rows = await this.dataSource.query<Array<{ shipment_id: string; order_id: string; carrier: string; tracking_number: string }>>(
      `SELECT shipment_id, order_id, carrier, tracking_number FROM tracked_shipments
        WHERE tenant_id = $1 AND ${condition} ORDER BY shipped_at, shipment_id`,
      [requireTenant(), value],
    );
    return rows.map((row) => ({
      shipmentId: row.shipment_id,
      orderId: row.order_id,
      carrier: row.carrier,
      trackingNumber: row.tracking_number,
    }));
  }
}
