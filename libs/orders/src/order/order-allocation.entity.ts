import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ALLOCATION_STATUSES = ['reserved', 'confirmed', 'released', 'rejected', 'shipped', 'ready', 'delivered', 'collected', 'cancelled'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/**
 * The part of an order line reserved at one location. Its id is what inventory reserves and
 * fulfillment works under (they call it the line id): the order line's own id for a line kept
 * whole at its first location, a derived id for a split part or a re-sourced one. Quantities only
 * grow: `released` (cancelled, rejected by the location or expired), `shipped`, `ready` (for
 * pickup), `completed` (delivered or collected). A part a location gave back is `rejected`, and
 * re-sourcing never returns that line to that location.
 */
@Entity({ name: 'order_allocations' })
export class OrderAllocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'released_quantity', type: 'integer' })
  releasedQuantity!: number;

  @Column({ name: 'shipped_quantity', type: 'integer' })
  shippedQuantity!: number;

  @Column({ name: 'ready_quantity', type: 'integer' })
  readyQuantity!: number;

  @Column({ name: 'completed_quantity', type: 'integer' })
  completedQuantity!: number;

  @Column({ type: 'text' })
  status!: AllocationStatus;

  @Column({ name: 'carrier_service_id', type: 'text', nullable: true })
  carrierServiceId!: string | null;

  @Column({ name: 'eta_date', type: 'date', nullable: true })
  etaDate!: string | null;

  @Column({ name: 'reservation_id', type: 'text', nullable: true })
  reservationId!: string | null;

  @Column({ name: 'fulfillment_id', type: 'text', nullable: true })
  fulfillmentId!: string | null;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** What of an allocation is still held for the customer: neither given back nor gone out. */
export function openQuantity(a: Pick<OrderAllocationEntity, 'quantity' | 'releasedQuantity' | 'shippedQuantity' | 'completedQuantity'>): number {
  return a.quantity - a.releasedQuantity - Math.max(a.shippedQuantity, a.completedQuantity);
}
