import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainError, type EventEnvelope } from '@baton/domain';
import { tenantScope } from '@baton/platform';
import { OrderAllocationEntity } from '../order/order-allocation.entity';
import { InventoryClient } from '../peers/inventory.client';

/**
 * Confirms the reservations of parts sourced after placement, once the change that made them has
 * committed (it reacts to the change's own `orders.order.sourced.v1`). A part whose reservation
 * expired meanwhile is left to its `inventory.reservation.expired.v1`, which re-sources it.
 */
@Injectable()
export class ReservationConfirmations {
  private readonly logger = new Logger(ReservationConfirmations.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inventory: InventoryClient,
  ) {}

  async confirm(envelope: EventEnvelope<'orders.order.sourced.v1'>): Promise<void> {
    const ids = envelope.data.lines.map((line) => line.lineId);
    if (ids.length === 0) return;
    try {
      await this.inventory.confirmReservations(envelope.data.orderId, ids);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'RESERVATION_EXPIRED' || error.code === 'RESERVATION_NOT_HELD')) {
        this.logger.warn(`Re-sourced parts of order ${envelope.data.orderId} could not be confirmed (${error.code}); expiry re-sources them`);
        return;
      }
      throw error;
    }
    await this.dataSource.manager.update(OrderAllocationEntity, tenantScope({ id: In(ids), status: 'reserved' as const }), {
      status: 'confirmed',
      updatedAt: new Date(),
    });
  }
}
