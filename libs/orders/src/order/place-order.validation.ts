import { ValidationError, type AddressData } from '@baton/domain';
import type { ordersV1 } from '@baton/contracts';
import { DELIVERY_METHODS, METHOD_PROFILES, isDeliveryMethod, type DeliveryMethod } from '../sourcing/delivery-methods';
import { SOURCING_STRATEGIES, type SourcingStrategy } from '../sourcing/sourcing-model';
import type { CustomerData, PaymentData } from './order.entity';
import { Violations } from './violations';

export interface PlaceOrderLineCommand {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  taxMinor: number;
  discountMinor: number;
  deliveryMethod: DeliveryMethod;
  destinationLocationId: string | null;
  unitWeightGrams: number;
}

/** A PlaceOrder request that passed validation: trimmed, complete, money in integer minor units. */
export interface PlaceOrderCommand {
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  customer: CustomerData;
  currency: string;
  /** The order's method, or `mixed` when its lines travel in several ways. */
  deliveryMethod: DeliveryMethod | 'mixed';
  shipTo: AddressData | null;
  billingAddress: AddressData | null;
  destinationLocationId: string | null;
  requestedWindow: { from: Date; to: Date } | null;
  priority: number;
  sourcingPreference: SourcingStrategy | null;
  payment: PaymentData | null;
  attributes: Record<string, string>;
  fraudScore: number | null;
  placedBy: string | null;
  lines: PlaceOrderLineCommand[];
  subtotalMinor: number;
  taxMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export const MAX_ORDER_LINES = 500;
export const MAX_LINE_QUANTITY = 1_000_000;
const MAX_ATTRIBUTES = 50;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CHANNEL = /^[a-z][a-z0-9_-]{0,31}$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;

function validateAddress(v: Violations, field: string, address: ordersV1.Address): AddressData {
  const line2 = (address.line2 ?? '').trim();
  if (line2.length > 200) v.add(`${field}.line2`, 'must be at most 200 characters');
  const country = (address.country ?? '').trim();
  if (!/^[A-Z]{2}$/.test(country)) v.add(`${field}.country`, 'must be an ISO 3166-1 alpha-2 code such as DE');
  const result: AddressData = {
    name: v.text(`${field}.name`, address.name, 200),
    line1: v.text(`${field}.line1`, address.line1, 200),
    city: v.text(`${field}.city`, address.city, 100),
    postalCode: v.text(`${field}.postalCode`, address.postalCode, 20),
    country,
  };
  if (line2 !== '') result.line2 = line2;
  const latitude = v.range(`${field}.latitude`, address.latitude, -90, 90);
  const longitude = v.range(`${field}.longitude`, address.longitude, -180, 180);
  if ((latitude === undefined) !== (longitude === undefined)) v.add(`${field}.latitude`, 'latitude and longitude go together');
  if (latitude !== undefined) result.latitude = latitude;
  if (longitude !== undefined) result.longitude = longitude;
  return result;
}

function validateWindow(v: Violations, window: ordersV1.TimeWindow | undefined): { from: Date; to: Date } | null {
  if (!window) return null;
  const from = new Date(window.from ?? '');
  const to = new Date(window.to ?? '');
  if (!window.from || Number.isNaN(from.getTime())) v.add('requestedWindow.from', 'must be an ISO 8601 date-time');
  if (!window.to || Number.isNaN(to.getTime())) v.add('requestedWindow.to', 'must be an ISO 8601 date-time');
  else if (!Number.isNaN(from.getTime()) && to <= from) v.add('requestedWindow.to', 'must be after requestedWindow.from');
  else if (to.getTime() < Date.now()) v.add('requestedWindow.to', 'must not be in the past');
  return { from, to };
}

function validateLine(
  v: Violations,
  line: ordersV1.OrderLineInput,
  index: number,
  order: { currency: string; deliveryMethod: string; destinationLocationId: string | null },
): PlaceOrderLineCommand {
  const field = `lines[${index}]`;
  const sku = v.text(`${field}.sku`, line.sku, 64);
  const method = (line.deliveryMethod ?? '').trim() || order.deliveryMethod;
  const methodField = line.deliveryMethod ? `${field}.deliveryMethod` : 'deliveryMethod';
  if (!isDeliveryMethod(method) && !v.list.some((x) => x.field === methodField)) {
    v.add(methodField, `must be one of: ${DELIVERY_METHODS.join(', ')}`);
  }
  const destination = (line.destinationLocationId ?? '').trim() || order.destinationLocationId;
  if (isDeliveryMethod(method) && METHOD_PROFILES[method].needsDestinationLocation && !destination) {
    v.add(`${field}.destinationLocationId`, `is required for ${method} (or set the order's destinationLocationId)`);
  }
  if (destination && destination.length > 64) v.add(`${field}.destinationLocationId`, 'must be at most 64 characters');
  if (line.currency !== undefined && line.currency !== order.currency) v.add(`${field}.currency`, `must be the order's currency ${order.currency}`);
  const quantity = v.integer(`${field}.quantity`, line.quantity, 1, MAX_LINE_QUANTITY);
  const unitPriceMinor = v.integer(`${field}.unitPriceMinor`, line.unitPriceMinor, 0, Number.MAX_SAFE_INTEGER);
  const taxMinor = v.integer(`${field}.taxMinor`, line.taxMinor ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const discountMinor = v.integer(`${field}.discountMinor`, line.discountMinor ?? 0, 0, Number.MAX_SAFE_INTEGER);
  if (Number.isSafeInteger(quantity * unitPriceMinor) && discountMinor > quantity * unitPriceMinor) {
    v.add(`${field}.discountMinor`, 'must not exceed quantity × unitPriceMinor');
  }
  return {
    sku,
    quantity,
    unitPriceMinor,
    taxMinor,
    discountMinor,
    deliveryMethod: method as DeliveryMethod,
    destinationLocationId: destination || null,
    unitWeightGrams: v.integer(`${field}.unitWeightGrams`, line.unitWeightGrams ?? 0, 0, 10_000_000),
  };
}

/**
 * Checks a PlaceOrder request completely before anything is reserved or stored, and names every
 * violated field at once (`lines[1].quantity`, `shipTo.postalCode`), so a caller can fix a
 * request in one round trip. Each line may travel its own way (a mixed cart); an address is
 * required only when some line is delivered to one, a destination location only for the methods
 * that go to or are collected at one.
 */
export function validatePlaceOrder(request: ordersV1.PlaceOrderRequest): PlaceOrderCommand {
  const v = new Violations();
  const channel = v.text('channel', request.channel, 32);
  if (channel !== '' && !CHANNEL.test(channel)) v.add('channel', 'must be a lowercase identifier such as web');
  const channelOrderId = v.text('channelOrderId', request.channelOrderId, 128);
  const customerEmail = v.text('customerEmail', request.customerEmail, 254);
  if (customerEmail !== '' && !EMAIL.test(customerEmail)) v.add('customerEmail', 'must be an email address');
  const currency = (request.currency ?? '').trim();
  if (!/^[A-Z]{3}$/.test(currency)) v.add('currency', 'must be a 3-letter ISO 4217 code such as EUR');
  const orderMethod = (request.deliveryMethod ?? '').trim();
  const destinationLocationId = (request.destinationLocationId ?? '').trim() || null;

  const requestLines = request.lines ?? [];
  if (requestLines.length === 0) v.add('lines', 'must contain at least one line');
  if (requestLines.length > MAX_ORDER_LINES) v.add('lines', `must contain at most ${MAX_ORDER_LINES} lines`);
  const lines = requestLines.map((line, index) => validateLine(v, line, index, { currency, deliveryMethod: orderMethod, destinationLocationId }));

  const toAddress = lines.some((line) => isDeliveryMethod(line.deliveryMethod) && !METHOD_PROFILES[line.deliveryMethod].needsDestinationLocation);
  if (toAddress && !request.shipTo) v.add('shipTo', 'is required when a line is delivered to an address');
  const shipTo = request.shipTo ? validateAddress(v, 'shipTo', request.shipTo) : null;
  const billingAddress = request.billingAddress ? validateAddress(v, 'billingAddress', request.billingAddress) : null;
  const requestedWindow = validateWindow(v, request.requestedWindow);
  if (!requestedWindow && lines.some((line) => line.deliveryMethod === 'scheduled_window')) {
    v.add('requestedWindow', 'is required for scheduled_window delivery');
  }

  const customer: CustomerData = {};
  if (request.customer) {
    const { id, name, phone } = request.customer;
    if (id) customer.id = v.text('customer.id', id, 128);
    if (name) customer.name = v.text('customer.name', name, 200);
    if (phone) {
      if (!PHONE.test(phone.trim())) v.add('customer.phone', 'must be a phone number such as +31 20 123 4567');
      customer.phone = phone.trim();
    }
  }
  const priority = request.priority === undefined || request.priority === 0 ? 5 : v.integer('priority', request.priority, 1, 9);
  const preference = (request.sourcingPreference ?? '').trim();
  if (preference !== '' && !(SOURCING_STRATEGIES as readonly string[]).includes(preference)) {
    v.add('sourcingPreference', `must be one of: ${SOURCING_STRATEGIES.join(', ')}`);
  }
  let payment: PaymentData | null = null;
  if (request.payment) {
    payment = {
      reference: v.text('payment.reference', request.payment.reference, 128),
      authorisedMinor: v.integer('payment.authorisedMinor', request.payment.authorisedMinor, 0, Number.MAX_SAFE_INTEGER),
    };
    if (request.payment.method) payment.method = v.text('payment.method', request.payment.method, 64);
  }
  const attributes: Record<string, string> = {};
  const entries = Object.entries(request.attributes?.values ?? {});
  if (entries.length > MAX_ATTRIBUTES) v.add('attributes', `must have at most ${MAX_ATTRIBUTES} entries`);
  for (const [key, value] of entries) {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(key)) v.add(`attributes.${key}`, 'key must be 1-64 letters, digits or _.:-');
    else if (value.length > 500) v.add(`attributes.${key}`, 'must be at most 500 characters');
    else attributes[key] = value;
  }
  const fraudScore = request.fraudScore === undefined ? null : v.integer('fraudScore', request.fraudScore, 0, 100);
  const placedBy = request.placedBy ? v.text('placedBy', request.placedBy, 128) : null;

  let subtotalMinor = 0;
  let taxMinor = 0;
  let discountMinor = 0;
  for (const line of lines) {
    subtotalMinor += line.quantity * line.unitPriceMinor;
    taxMinor += line.taxMinor;
    discountMinor += line.discountMinor;
  }
  const totalMinor = subtotalMinor + taxMinor - discountMinor;
  if (v.list.length === 0 && ![subtotalMinor, taxMinor, discountMinor, totalMinor].every(Number.isSafeInteger)) {
    v.add('lines', 'the order total is too large');
  }

  if (v.list.length > 0) throw new ValidationError(v.list, 'The order is invalid');
  const methods = new Set(lines.map((line) => line.deliveryMethod));
  return {
    channel,
    channelOrderId,
    customerEmail,
    customer,
    currency,
    deliveryMethod: methods.size === 1 ? lines[0].deliveryMethod : 'mixed',
    shipTo,
    billingAddress,
    destinationLocationId,
    requestedWindow,
    priority,
    sourcingPreference: preference === '' ? null : (preference as SourcingStrategy),
    payment,
    attributes,
    fraudScore,
    placedBy,
    lines,
    subtotalMinor,
    taxMinor,
    discountMinor,
    totalMinor,
  };
}
