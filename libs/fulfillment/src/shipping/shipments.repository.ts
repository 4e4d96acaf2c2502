import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { ShipmentEntity } from './shipment.entity';

/** The only place that queries shipments, their labels and their tracking history; tenant-scoped. */
@Injectable()
export class ShipmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, shipments: ShipmentEntity[]): Promise<void> {
    if (shipments.length > 0) await manager.insert(ShipmentEntity, shipments);
  }

  async findByFulfillments(fulfillmentIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ShipmentEntity[]> {
    if (fulfillmentIds.length === 0) return [];
    return manager.getRepository(ShipmentEntity).find({
      where: tenantScope({ fulfillmentId: In([...fulfillmentIds]) }),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async findOne(id: string): Promise<ShipmentEntity | undefined> {
    return (await this.dataSource.getRepository(ShipmentEntity).findOne({ where: tenantScope({ id }) })) ?? undefined;
  }

  /** The label document of a shipment, or undefined when the tenant has no such shipment. */
  async findLabel(id: string): Promise<{ shipment: ShipmentEntity; pdf: Buffer; zpl: string } | undefined> {
    const rows = await this.dataSource.query<Array<{ label_pdf: Buffer; label_zpl: string }>>(
      `SELECT label_pdf, label_zpl FROM shipments WHERE tenant_id = $1 AND id = $2`,
      [requireTenant(), id],
    );
    const shipment = await this.findOne(id);
    if (rows.length === 0 || !shipment) return undefined;
    return { shipment, pdf: rows[0].label_pdf, zpl: rows[0].label_zpl };
  }

  async findByTracking(carrierId: string, trackingNumber: string, manager: EntityManager = this.dataSource.manager): Promise<ShipmentEntity | undefined> {
    return (
      (await manager.getRepository(ShipmentEntity).findOne({ where: tenantScope({ carrierId, trackingNumber }) })) ?? undefined
    );
  }

  /** Records one tracking update; false when the same (status, time) was recorded before. */
  async recordTrackingEvent(
    manager: EntityManager,
    shipmentId: string,
    event: { status: string; occurredAt: Date; detail: string },
  ): Promise<boolean> {
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO shipment_tracking_events (tenant_id, shipment_id, status, occurred_at, detail)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (shipment_id, status, occurred_at) DO NOTHING RETURNING id`,
      [requireTenant(), shipmentId, event.status, event.occurredAt, event.detail],
    );
    return inserted.length > 0;
  }

  async updateStatus(manager: EntityManager, shipment: ShipmentEntity, status: string): Promise<void> {
    shipment.status = status;
    shipment.updatedAt = new Date();
    await manager.update(ShipmentEntity, tenantScope({ id: shipment.id }), { status, updatedAt: shipment.updatedAt });
  }
}
