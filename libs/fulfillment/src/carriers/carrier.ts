import type { ScanCode } from '@baton/domain';

/** A place a parcel leaves from or goes to, as far as rating needs it. */
export interface RatingAddress {
  postalCode: string;
  country: string;
  latitude?: number;
  longitude?: number;
}

export interface Parcel {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  /** The value of the goods inside, for insurance. */
  valueMinor: number;
}

/** What the delivery needs from a service: delivered the same day, or inside a time window. */
export interface DeliveryRequirement {
  sameDay?: boolean;
  window?: { start: Date; end: Date };
}

export interface RateRequest {
  origin?: RatingAddress;
  destination: RatingAddress;
  parcels: Parcel[];
  /** When the goods are ready to be collected. */
  readyAt: Date;
  requirement: DeliveryRequirement;
}

/** A service's capabilities, as listed to sourcing and store apps. */
export interface CarrierServiceInfo {
  carrierId: string;
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  transitDays: number;
  cutoff: string;
  timeZone: string;
  operatingDays: number[];
  deliverBy: string;
  dispatchLeadMinutes: number;
  sameDay: boolean;
  timeWindow: boolean;
  insuredValueLimitMinor: number;
  maxWeightGrams: number;
  currency: string;
}

/** A price and a promise for the parcels of one request with one service. */
export interface CarrierQuote {
  carrierId: string;
  serviceCode: string;
  serviceName: string;
  zone: string;
  priceMinor: number;
  currency: string;
  transitDays: number;
  cutoff: string;
  shipAt: Date;
  estimatedDeliveryAt: Date;
  insuredValueLimitMinor: number;
  sameDay: boolean;
  timeWindow: boolean;
  /** False when the service cannot honour the requirement (not same-day, outside the window). */
  meetsRequirement: boolean;
  billableWeightGrams: number;
}

export interface ShipmentRequest {
  serviceCode: string;
  /** Baton's shipment id; the carrier may use it as its reference. */
  shipmentId: string;
  origin: { locationId: string; address?: RatingAddress & { name?: string; line1?: string; city?: string } };
  destination: { name: string; line1: string; line2?: string; city: string; postalCode: string; country: string };
  parcel: Parcel;
  packageNo: number;
  packageCount: number;
  orderId: string;
  fulfillmentId: string;
  insuredValueMinor: number;
}

/** A label bought from a carrier. */
export interface CreatedShipment {
  trackingNumber: string;
  labelPdf: Buffer;
  labelZpl: string;
}

/** A carrier's tracking update, normalised. */
export interface TrackingUpdate {
  trackingNumber: string;
  status: ScanCode;
  occurredAt: Date;
  detail: string;
}

/**
 * One carrier, whatever its transport: the built-in table-rate carrier computes everything from
 * data; an integration calls the carrier's API. Baton only ever talks to carriers through this.
 */
export interface Carrier {
  readonly id: string;
  readonly name: string;
  services(): CarrierServiceInfo[];
  /** Every service's quote for the request; services that cannot carry the parcels are left out. */
  quote(request: RateRequest): Promise<CarrierQuote[]>;
  createShipment(request: ShipmentRequest): Promise<CreatedShipment>;
  /** Voids a label that will not be used; idempotent. */
  cancelShipment(trackingNumber: string): Promise<void>;
  /** Turns the carrier's own tracking message into a normalised update; throws on a malformed one. */
  parseTrackingUpdate(payload: unknown): TrackingUpdate;
}
