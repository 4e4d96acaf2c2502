import { ValidationError, type AddressData, type FieldViolation } from '@baton/domain';
import type { ordersV1 } from '@baton/contracts';

/** The delivery methods this version of the orders service can place. */
export const DELIVERY_METHODS = ['ship_to_address'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface PlaceOrderLineCommand {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

/** A PlaceOrder request that passed validation: trimmed, complete, money in integer minor units. */
export interface PlaceOrderCommand {
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  currency: string;
  deliveryMethod: DeliveryMethod;
  shipTo: AddressData;
  lines: PlaceOrderLineCommand[];
  totalMinor: number;
}

export const MAX_ORDER_LINES = 500;
export const MAX_LINE_QUANTITY = 1_000_000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class Violations {
  readonly list: FieldViolation[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  text(field: string, value: string | undefined, maxLength: number): string {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') this.add(field, 'is required');
    else if (trimmed.length > maxLength) this.add(field, `must be at most ${maxLength} characters`);
    return trimmed;
  }

  integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isSafeInteger(value)) this.add(field, 'must be an integer');
    else if (value < min) this.add(field, `must be at least ${min}`);
    else if (value > max) this.add(field, `must be at most ${max}`);
    return value;
  }

  range(field: string, value: number | undefined, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (!Number.isFinite(value) || value < min || value > max) this.add(field, `must be between ${min} and ${max}`);
    return value;
  }
}

function validateAddress(v: Violations, address: ordersV1.Address | undefined): AddressData {
  if (!address) {
    v.add('shipTo', 'is required');
    return { name: '', line1: '', city: '', postalCode: '', country: '' };
  }
  const line2 = (address.line2 ?? '').trim();
  if (line2.length > 200) v.add('shipTo.line2', 'must be at most 200 characters');
  const country = (address.country ?? '').trim();
  if (!/^[A-Z]{2}$/.test(country)) v.add('shipTo.country', 'must be an ISO 3166-1 alpha-2 code such as DE');
  const result: AddressData = {
    name: v.text('shipTo.name', address.name, 200),
    line1: v.text('shipTo.line1', address.line1, 200),
    city: v.text('shipTo.city', address.city, 100),
    postalCode: v.text('shipTo.postalCode', address.postalCode, 20),
    country,
  };
  if (line2 !== '') result.line2 = line2;
  const latitude = v.range('shipTo.latitude', address.latitude, -90, 90);
  const longitude = v.range('shipTo.longitude', address.longitude, -180, 180);
  if (latitude !== undefined) result.latitude = latitude;
  if (longitude !== undefined) result.longitude = longitude;
  return result;
}

/**
 * Checks a PlaceOrder request completely before anything is reserved or stored, and names every
 * violated field at once (`lines[1].quantity`, `shipTo.postalCode`), so a caller can fix a
 * request in one round trip.
 */
export function validatePlaceOrder(request: ordersV1.PlaceOrderRequest): PlaceOrderCommand {
  const v = new Violations();
  const channel = v.text('channel', request.channel, 64);
  const channelOrderId = v.text('channelOrderId', request.channelOrderId, 128);
  const customerEmail = v.text('customerEmail', request.customerEmail, 254);
  if (customerEmail !== '' && !EMAIL.test(customerEmail)) v.add('customerEmail', 'must be an email address');
  const currency = (request.currency ?? '').trim();
  if (!/^[A-Z]{3}$/.test(currency)) v.add('currency', 'must be a 3-letter ISO 4217 code such as EUR');
  const deliveryMethod = (request.deliveryMethod ?? '').trim();
  const knownMethod = (DELIVERY_METHODS as readonly string[]).includes(deliveryMethod);
  if (!knownMethod) v.add('deliveryMethod', `must be one of: ${DELIVERY_METHODS.join(', ')}`);
  const shipTo = validateAddress(v, request.shipTo);

  const requestLines = request.lines ?? [];
  if (requestLines.length === 0) v.add('lines', 'must contain at least one line');
  if (requestLines.length > MAX_ORDER_LINES) v.add('lines', `must contain at most ${MAX_ORDER_LINES} lines`);
  const lines = requestLines.map((line, index) => ({
    sku: v.text(`lines[${index}].sku`, line.sku, 64),
    quantity: v.integer(`lines[${index}].quantity`, line.quantity, 1, MAX_LINE_QUANTITY),
    unitPriceMinor: v.integer(`lines[${index}].unitPriceMinor`, line.unitPriceMinor, 0, Number.MAX_SAFE_INTEGER),
  }));
  const totalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  if (v.list.length === 0 && !Number.isSafeInteger(totalMinor)) v.add('lines', 'the order total is too large');

  if (v.list.length > 0) throw new ValidationError(v.list, 'The order is invalid');
  return {
    channel,
    channelOrderId,
    customerEmail,
    currency,
    deliveryMethod: deliveryMethod as DeliveryMethod,
    shipTo,
    lines,
    totalMinor,
  };
}
