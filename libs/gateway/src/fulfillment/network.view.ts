import { ApiProperty } from '@nestjs/swagger';
import { AddressView } from '../orders/order.view';
import { ShipmentView } from './fulfillment.view';

export class CarrierServiceView {
  @ApiProperty({ example: 'city-courier' })
  carrierId!: string;

  @ApiProperty({ example: 'City Courier' })
  carrierName!: string;

  @ApiProperty({ example: 'same-day' })
  serviceCode!: string;

  @ApiProperty({ example: 'Same-day delivery' })
  serviceName!: string;

  @ApiProperty({ example: 0 })
  transitDays!: number;

  @ApiProperty({ example: '14:00', description: 'Latest hand-over on a collection day, local time' })
  cutoff!: string;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  timezone!: string;

  @ApiProperty({ example: true })
  sameDay!: boolean;

  @ApiProperty({ example: false })
  timeWindow!: boolean;

  @ApiProperty({ example: 100000 })
  insuredValueLimitMinor!: number;

  @ApiProperty({ example: 15000 })
  maxWeightGrams!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;
}

export class CarrierServiceListView {
  @ApiProperty({ type: [CarrierServiceView] })
  services!: CarrierServiceView[];
}

export class QuoteView {
  @ApiProperty({ example: 'baton-parcel' })
  carrierId!: string;

  @ApiProperty({ example: 'standard' })
  serviceCode!: string;

  @ApiProperty({ example: 'Parcel Standard' })
  serviceName!: string;

  @ApiProperty({ example: 'domestic' })
  zone!: string;

  @ApiProperty({ example: 495 })
  priceMinor!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 1 })
  transitDays!: number;

  @ApiProperty({ example: '17:00' })
  cutoff!: string;

  @ApiProperty({ example: '2026-11-18T16:00:00.000Z', description: 'Latest hand-over to the carrier' })
  shipAt!: string;

  @ApiProperty({ example: '2026-11-19T17:00:00.000Z' })
  estimatedDeliveryAt!: string;

  @ApiProperty({ example: 50000 })
  insuredValueLimitMinor!: number;

  @ApiProperty({ example: false })
  sameDay!: boolean;

  @ApiProperty({ example: false })
  timeWindow!: boolean;

  @ApiProperty({ example: true, description: 'Can honour the delivery asked for (same day, window)' })
  meetsRequirement!: boolean;

  @ApiProperty({ example: 1250 })
  billableWeightGrams!: number;
}

export class QuoteListView {
  @ApiProperty({ type: [QuoteView], description: 'With a strategy: the selected quote first' })
  quotes!: QuoteView[];
}

export class TrackingUpdateView {
  @ApiProperty({ type: ShipmentView, description: 'The shipment after the update' })
  shipment!: ShipmentView;

  @ApiProperty({ example: true, description: 'False when the same update was ingested before' })
  applied!: boolean;
}

export class LocationLoadView {
  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11' })
  locationId!: string;

  @ApiProperty({ example: 120, description: '0 = no limit configured' })
  dailyCapacity!: number;

  @ApiProperty({ example: 37 })
  acceptedToday!: number;

  @ApiProperty({ example: 5, description: 'Waiting to be accepted' })
  open!: number;

  @ApiProperty({ example: 12, description: 'Accepted, not yet shipped or handed over' })
  inProgress!: number;

  @ApiProperty({ example: 83, description: '-1 when unlimited' })
  remainingToday!: number;

  @ApiProperty({ example: '2026-11-18', description: "The location's day" })
  day!: string;
}

export class LocationLoadListView {
  @ApiProperty({ type: [LocationLoadView] })
  loads!: LocationLoadView[];
}

export class LocationSettingsView {
  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11' })
  locationId!: string;

  @ApiProperty({ example: 120 })
  dailyCapacity!: number;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  timezone!: string;

  @ApiProperty({ type: AddressView, required: false })
  address?: AddressView;
}

export class FulfillmentPolicyView {
  @ApiProperty({ example: 120 })
  startWithinMinutes!: number;

  @ApiProperty({ example: 'flag', enum: ['flag', 'reject'] })
  onLate!: string;

  @ApiProperty({ example: 72 })
  pickupExpiryHours!: number;

  @ApiProperty({ example: 'cancel', enum: ['cancel', 'reoffer'] })
  onPickupExpiry!: string;

  @ApiProperty({ example: 120 })
  pickupPrepMinutes!: number;

  @ApiProperty({ example: 'cheapest', enum: ['cheapest', 'fastest', 'best_insurance'] })
  defaultCarrierStrategy!: string;
}
