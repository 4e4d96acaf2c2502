/** Shapes shared by several services' event payloads. */

export interface AddressData {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
  latitude?: number;
  longitude?: number;
}

/** A quantity of one SKU on one order line, optionally at a location. */
export interface LineQuantityData {
  lineId: string;
  sku: string;
  quantity: number;
  locationId?: string;
}
