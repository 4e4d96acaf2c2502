import { ApiProperty } from '@nestjs/swagger';

const UUID_EXAMPLE = '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93';

export class ReturnLineView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'The order line coming back' })
  orderLineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 2, description: 'Authorised units' })
  quantity!: number;

  @ApiProperty({ example: 1, description: 'Units received so far' })
  receivedQuantity!: number;

  @ApiProperty({ example: 'wrong_size' })
  reasonCode!: string;

  @ApiProperty({ example: '' })
  note!: string;
}

export class ReturnUnitView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'Empty for an unexpected item' })
  orderLineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: false, description: 'Not on the return (recorded at receipt)' })
  unexpected!: boolean;

  @ApiProperty({ example: true, description: 'False for a unit that never arrived (grade missing)' })
  received!: boolean;

  @ApiProperty({ example: 'scan-1' })
  receiptId!: string;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', description: 'Where it was received' })
  locationId!: string;

  @ApiProperty({ example: 'resellable', enum: ['', 'resellable', 'damaged', 'defective', 'wrong_item', 'missing'] })
  grade!: string;

  @ApiProperty({ example: 'restock', enum: ['', 'restock', 'transfer', 'refurbish', 'write_off', 'return_to_vendor', 'none'] })
  disposition!: string;

  @ApiProperty({ example: '' })
  targetLocationId!: string;

  @ApiProperty({ example: '' })
  note!: string;
}

export class ReturnLabelView {
  @ApiProperty({ example: 'unavailable', enum: ['created', 'unavailable', 'not_needed'] })
  status!: string;

  @ApiProperty({ example: '' })
  carrier!: string;

  @ApiProperty({ example: '' })
  service!: string;

  @ApiProperty({ example: '' })
  trackingNumber!: string;

  @ApiProperty({ example: '' })
  labelUrl!: string;

  @ApiProperty({ example: 'No return label was issued: no carrier offers return labels through the fulfillment service yet.' })
  message!: string;
}

export class RefundLineView {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d' })
  orderLineId!: string;

  @ApiProperty({ example: 1 })
  quantity!: number;

  @ApiProperty({ example: 1999, description: 'Price paid after discounts, tax excluded (minor units)' })
  merchandiseMinor!: number;

  @ApiProperty({ example: 0 })
  taxMinor!: number;
}

export class RefundView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'requested', enum: ['requested', 'confirmed', 'failed', 'not_requested'] })
  status!: string;

  @ApiProperty({ example: 1999, description: 'To pay back, minor units' })
  amountMinor!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: [RefundLineView] })
  lines!: RefundLineView[];

  @ApiProperty({ example: 1999 })
  merchandiseMinor!: number;

  @ApiProperty({ example: 0 })
  taxMinor!: number;

  @ApiProperty({ example: 0 })
  shippingMinor!: number;

  @ApiProperty({ example: 0 })
  restockingFeeMinor!: number;

  @ApiProperty({ example: 0, description: 'Credit applied to the exchange order instead of paid out' })
  exchangeAppliedMinor!: number;

  @ApiProperty({ example: 0, description: 'Still owed by the customer towards an exchange' })
  outstandingMinor!: number;

  @ApiProperty({ example: '' })
  paymentReference!: string;

  @ApiProperty({ example: '' })
  message!: string;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  requestedAt!: string;

  @ApiProperty({ example: '' })
  settledAt!: string;
}

export class ExchangeView {
  @ApiProperty({ example: UUID_EXAMPLE, description: 'The exchange order' })
  orderId!: string;

  @ApiProperty({ example: 3000 })
  returnedValueMinor!: number;

  @ApiProperty({ example: 2800 })
  exchangeValueMinor!: number;

  @ApiProperty({ example: -200, description: 'Exchange − returned; positive: the customer pays' })
  differenceMinor!: number;

  @ApiProperty({ example: 'refund', enum: ['charge', 'refund', 'even'] })
  settlement!: string;

  @ApiProperty({ example: 200 })
  settlementMinor!: number;
}

export class StatusChangeView {
  @ApiProperty({ example: 'authorised' })
  fromStatus!: string;

  @ApiProperty({ example: 'received' })
  toStatus!: string;

  @ApiProperty({ example: 'receipt scan-1 at location 0b7f1c2e-…: 1 unit(s)' })
  reason!: string;

  @ApiProperty({ example: 'key:5c0d…' })
  principal!: string;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  occurredAt!: string;
}

/** A return (RMA) as the returns service answers it. */
export class ReturnView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'RMA-7KQ2M9XPLA' })
  rmaNumber!: string;

  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', format: 'uuid' })
  orderId!: string;

  @ApiProperty({ example: 'authorised', enum: ['authorised', 'in_transit', 'received', 'inspected', 'completed', 'rejected', 'cancelled'] })
  status!: string;

  @ApiProperty({ example: 'in_store', enum: ['mail', 'in_store'] })
  method!: string;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', description: 'Where the goods are expected' })
  locationId!: string;

  @ApiProperty({ example: 'store', enum: ['channel', 'store', 'customer_service'] })
  createdBy!: string;

  @ApiProperty({ example: '' })
  reference!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 'ada@example.com' })
  customerEmail!: string;

  @ApiProperty({ example: 'refund', enum: ['refund', 'none'] })
  refundMode!: string;

  @ApiProperty({ example: '' })
  noRefundReason!: string;

  @ApiProperty({ type: [ReturnLineView] })
  lines!: ReturnLineView[];

  @ApiProperty({ type: [ReturnUnitView] })
  units!: ReturnUnitView[];

  @ApiProperty({ type: ReturnLabelView, required: false })
  label?: ReturnLabelView;

  @ApiProperty({ type: RefundView, required: false, description: 'Present once the return is completed' })
  refund?: RefundView;

  @ApiProperty({ type: ExchangeView, required: false })
  exchange?: ExchangeView;

  @ApiProperty({ type: [StatusChangeView] })
  history!: StatusChangeView[];

  @ApiProperty({ example: '' })
  carrier!: string;

  @ApiProperty({ example: '' })
  trackingNumber!: string;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  updatedAt!: string;
}

export class ReturnPageView {
  @ApiProperty({ type: [ReturnView] })
  items!: ReturnView[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor!: string | null;
}
