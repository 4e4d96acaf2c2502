import { ApiProperty } from '@nestjs/swagger';

const STATUSES = [
  'received',
  'processing',
  'partially_shipped',
  'shipped',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
  'collected',
  'delayed',
  'returned',
  'refunded',
  'cancelled',
];

export class LineStatusView {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;

  @ApiProperty({ example: 'shipped', enum: STATUSES })
  status!: string;

  @ApiProperty({ example: 2 })
  shippedQuantity!: number;

  @ApiProperty({ example: 0 })
  deliveredQuantity!: number;

  @ApiProperty({ example: 0 })
  readyForPickupQuantity!: number;

  @ApiProperty({ example: 0 })
  collectedQuantity!: number;

  @ApiProperty({ example: 0 })
  cancelledQuantity!: number;

  @ApiProperty({ example: 0 })
  returnedQuantity!: number;

  @ApiProperty({ example: 0 })
  refundedQuantity!: number;
}

export class ScanView {
  @ApiProperty({ example: 'in_transit' })
  code!: string;

  @ApiProperty({ example: 'Arrived at sort facility' })
  description!: string;

  @ApiProperty({ example: 'Hub Utrecht, 3511 Utrecht, NL' })
  place!: string;

  @ApiProperty({ example: '2026-11-02T18:10:00.000Z', format: 'date-time' })
  occurredAt!: string;
}

export class ShipmentView {
  @ApiProperty({ example: '5b1e3d0f-8a2c-4f7a-9c6d-2e8b4a1f0c93' })
  shipmentId!: string;

  @ApiProperty({ example: '2c5b1e3d-0f8a-4f7a-9c6d-2e8b4a1f0c93' })
  fulfillmentId!: string;

  @ApiProperty({ example: 'dhl' })
  carrier!: string;

  @ApiProperty({ example: 'parcel' })
  service!: string;

  @ApiProperty({ example: 'JD014600006281' })
  trackingNumber!: string;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11' })
  locationId!: string;

  @ApiProperty({ example: 'shipped', enum: ['shipped', 'out_for_delivery', 'delayed', 'delivered'] })
  status!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  shippedAt!: string;

  @ApiProperty({ example: '', description: 'Empty until delivered' })
  deliveredAt!: string;

  @ApiProperty({ example: '2026-11-03T18:00:00.000Z', description: "The carrier's latest estimate; empty when none" })
  estimatedDeliveryAt!: string;

  @ApiProperty({ type: [ScanView] })
  scans!: ScanView[];

  @ApiProperty({ example: 'customer', enum: ['customer', 'transfer'], description: 'transfer: a leg to a store (ship-to-store)' })
  leg!: string;
}

export class LineQuantityView {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  lineId!: string;

  @ApiProperty({ example: 'MUG-WHITE' })
  sku!: string;

  @ApiProperty({ example: 1 })
  quantity!: number;
}

export class PickupView {
  @ApiProperty({ example: '2c5b1e3d-0f8a-4f7a-9c6d-2e8b4a1f0c93' })
  fulfillmentId!: string;

  @ApiProperty({ example: '8a2c3d0f-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  locationId!: string;

  @ApiProperty({ example: 'ready_for_pickup', enum: ['ready_for_pickup', 'collected', 'expired'] })
  status!: string;

  @ApiProperty({ example: '2026-11-02T12:00:00.000Z' })
  readyAt!: string;

  @ApiProperty({ example: '2026-11-05T12:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ example: '' })
  collectedAt!: string;

  @ApiProperty({ example: '' })
  expiredAt!: string;

  @ApiProperty({ type: [LineQuantityView] })
  lines!: LineQuantityView[];
}

export class ReturnSummaryView {
  @ApiProperty({ example: 'c3d0f8a2-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  returnId!: string;

  @ApiProperty({ example: 'received', description: 'authorised, in_transit, received, inspected, disposed, completed, rejected or cancelled' })
  status!: string;

  @ApiProperty({ example: '2026-11-10T10:00:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ type: [LineQuantityView], description: 'Authorised to come back' })
  lines!: LineQuantityView[];

  @ApiProperty({ type: [LineQuantityView], description: 'Came back and counts as returned' })
  returnedLines!: LineQuantityView[];
}

export class RefundView {
  @ApiProperty({ example: 'f8a2c3d0-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  refundId!: string;

  @ApiProperty({ example: 1999 })
  amountMinor!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: '2026-11-11T10:00:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ example: 'c3d0f8a2-5b1e-4f7a-9c6d-2e8b4a1f0c93' })
  returnId!: string;

  @ApiProperty({ example: 'refunded', enum: ['requested', 'refunded', 'failed'] })
  status!: string;
}

/** Where an order stands for the customer, per order and per line, with its parcels, pickups, returns and refunds. */
export class OrderStatusView {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  orderId!: string;

  @ApiProperty({ example: 'web' })
  channel!: string;

  @ApiProperty({ example: 'WEB-1001' })
  channelOrderId!: string;

  @ApiProperty({ example: 'partially_shipped', enum: STATUSES })
  status!: string;

  @ApiProperty({ example: '2026-11-04T18:00:00.000Z', description: 'The promised date; empty when the order carries none' })
  promisedBy!: string;

  @ApiProperty({ example: false })
  atRisk!: boolean;

  @ApiProperty({
    example: '',
    description: 'promise_missed, carrier_exception, carrier_eta_after_promise or not_shipped_near_promise; empty when not at risk',
  })
  atRiskReason!: string;

  @ApiProperty({ example: '2026-11-03T18:00:00.000Z' })
  estimatedDeliveryAt!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z' })
  placedAt!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ type: [LineStatusView] })
  lines!: LineStatusView[];

  @ApiProperty({ type: [ShipmentView] })
  shipments!: ShipmentView[];

  @ApiProperty({ type: [PickupView] })
  pickups!: PickupView[];

  @ApiProperty({ type: [ReturnSummaryView] })
  returns!: ReturnSummaryView[];

  @ApiProperty({ type: [RefundView] })
  refunds!: RefundView[];
}
