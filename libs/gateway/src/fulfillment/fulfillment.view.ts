import { ApiProperty } from '@nestjs/swagger';
import { AddressView } from '../orders/order.view';

const UUID = '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93';
const LOCATION = '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11';

export class FulfillmentLineView {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'The order line' })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 2, description: 'Units this fulfilment covers (less any cancelled)' })
  quantity!: number;

  @ApiProperty({ example: 2 })
  pickedQuantity!: number;

  @ApiProperty({ example: 0, description: 'Not found at the pick: given back for re-sourcing' })
  shortQuantity!: number;

  @ApiProperty({ example: 0, description: 'Handed over to the customer (pickups)' })
  collectedQuantity!: number;

  @ApiProperty({ example: 1999 })
  unitPriceMinor!: number;
}

export class PackageLineView {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d' })
  lineId!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;
}

export class PackageView {
  @ApiProperty({ example: UUID })
  id!: string;

  @ApiProperty({ example: 1 })
  packageNo!: number;

  @ApiProperty({ example: 1250 })
  weightGrams!: number;

  @ApiProperty({ example: 300 })
  lengthMm!: number;

  @ApiProperty({ example: 200 })
  widthMm!: number;

  @ApiProperty({ example: 100 })
  heightMm!: number;

  @ApiProperty({ type: [PackageLineView] })
  lines!: PackageLineView[];

  @ApiProperty({ example: 3998, description: 'Value of the goods inside (for insurance)' })
  valueMinor!: number;
}

export class ShipmentView {
  @ApiProperty({ example: UUID, description: 'Use it to fetch the label: GET /v1/shipments/{id}/label' })
  id!: string;

  @ApiProperty({ example: UUID })
  fulfillmentId!: string;

  @ApiProperty({ example: UUID })
  packageId!: string;

  @ApiProperty({ example: 'baton-parcel' })
  carrierId!: string;

  @ApiProperty({ example: 'standard' })
  serviceCode!: string;

  @ApiProperty({ example: 'BP1234567890128' })
  trackingNumber!: string;

  @ApiProperty({ example: 'label_created', description: 'label_created, then the carrier’s latest scan (in_transit … delivered)' })
  status!: string;

  @ApiProperty({ example: 495 })
  priceMinor!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 3998, description: 'Insured: the package value up to the service’s limit' })
  insuredValueMinor!: number;

  @ApiProperty({ example: '2026-11-19T17:00:00.000Z' })
  estimatedDeliveryAt!: string;

  @ApiProperty({ example: '2026-11-18T14:05:00.000Z' })
  createdAt!: string;
}

export class FulfillmentView {
  @ApiProperty({ example: UUID })
  id!: string;

  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  orderId!: string;

  @ApiProperty({ example: LOCATION, description: 'Where the work is done' })
  locationId!: string;

  @ApiProperty({ example: 'ship_to_address' })
  deliveryMethod!: string;

  @ApiProperty({
    example: 'accepted',
    enum: ['pending', 'created', 'accepted', 'picking', 'picked', 'packed', 'shipped', 'delivered', 'ready_for_pickup', 'collected', 'expired', 'rejected', 'cancelled'],
  })
  status!: string;

  @ApiProperty({ type: [FulfillmentLineView] })
  lines!: FulfillmentLineView[];

  @ApiProperty({ example: '2026-11-18T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: 'ship', enum: ['ship', 'pickup', 'transfer'], description: 'ship to the customer, pickup at the location, or transfer to another location' })
  legType!: string;

  @ApiProperty({ example: '', description: 'Where a transfer leg goes' })
  destinationLocationId!: string;

  @ApiProperty({ example: '', description: 'The transfer a ship-to-store pickup waits for (status pending until it is delivered)' })
  dependsOnFulfillmentId!: string;

  @ApiProperty({ example: 5, description: '1 (most urgent) … 9' })
  priority!: number;

  @ApiProperty({ example: '2026-11-18T16:00:00.000Z', description: 'Packed and handed over (or ready for pickup) by then' })
  dueAt!: string;

  @ApiProperty({ example: false, description: 'Flagged by the pick/pack timer' })
  late!: boolean;

  @ApiProperty({ example: '' })
  windowStart!: string;

  @ApiProperty({ example: '' })
  windowEnd!: string;

  @ApiProperty({ example: 'cheapest', description: 'Carrier selection of the order; empty = the tenant default' })
  carrierStrategy!: string;

  @ApiProperty({ example: '' })
  rejectReason!: string;

  @ApiProperty({ example: '' })
  pickupExpiresAt!: string;

  @ApiProperty({ example: '' })
  arrivedAt!: string;

  @ApiProperty({ example: '' })
  arrivalNote!: string;

  @ApiProperty({ type: AddressView, required: false, description: 'Where a ship leg goes' })
  shipTo?: AddressView;

  @ApiProperty({ type: [PackageView] })
  packages!: PackageView[];

  @ApiProperty({ type: [ShipmentView] })
  shipments!: ShipmentView[];

  @ApiProperty({ example: '2026-11-18T09:30:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;
}

export class FulfillmentListView {
  @ApiProperty({ type: [FulfillmentView], description: 'In work order: priority, then due time, then age' })
  items!: FulfillmentView[];

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Always null: the queue is its first `limit` items' })
  nextCursor!: string | null;
}

export class PickListLineView {
  @ApiProperty({ example: UUID })
  fulfillmentId!: string;

  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  orderId!: string;

  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d' })
  lineId!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;
}

export class PickListItemView {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 5, description: 'Total to pick of this item' })
  quantity!: number;

  @ApiProperty({ type: [PickListLineView], description: 'Which order line each unit is for' })
  lines!: PickListLineView[];
}

export class PickListView {
  @ApiProperty({ example: UUID })
  id!: string;

  @ApiProperty({ example: LOCATION })
  locationId!: string;

  @ApiProperty({ example: [UUID] })
  fulfillmentIds!: string[];

  @ApiProperty({ type: [PickListItemView] })
  items!: PickListItemView[];

  @ApiProperty({ example: '2026-11-18T09:10:00.000Z' })
  createdAt!: string;
}
