import type { EventEnvelope, ScanCode } from '@baton/domain';
import { locationIdsOf, orderIdOf } from '../timeline/timeline-projection';

/** What one event contributes to the order index used for look-ups. */
export interface OrderIndexDraft {
  tenantId: string;
  orderId: string;
  channel: string | null;
  channelOrderId: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  placedAt: Date | null;
  locationIds: string[];
  occurredAt: Date;
}

export interface ShipmentDraft {
  tenantId: string;
  shipmentId: string;
  orderId: string;
  fulfillmentId: string;
  locationId: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  shippedAt: Date;
  eventId: string;
}

export interface ScanDraft {
  eventId: string;
  tenantId: string;
  carrier: string;
  trackingNumber: string;
  scanId: string;
  code: ScanCode;
  description: string;
  placeName: string;
  city: string;
  postalCode: string;
  country: string;
  occurredAt: Date;
  estimatedDeliveryAt: Date | null;
  source: string;
  correlationId: string;
}

/** Emails are looked up case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Phones are looked up by digits (and a leading +) only, whatever spacing the channel used. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** The order index row an event touches; every order event widens it, the placed event fills it in. */
export function projectOrderIndex(envelope: EventEnvelope): OrderIndexDraft | null {
  if (envelope.type === 'tracking.shipment.scanned.v1') return null;
  const orderId = orderIdOf(envelope);
  if (!orderId) return null;
  const base: OrderIndexDraft = {
    tenantId: envelope.tenantId,
    orderId,
    channel: null,
    channelOrderId: null,
    customerEmail: null,
    customerPhone: null,
    placedAt: null,
    locationIds: locationIdsOf(envelope),
    occurredAt: new Date(envelope.occurredAt),
  };
  if (envelope.type !== 'orders.order.placed.v1') return base;
  const placed = (envelope as EventEnvelope<'orders.order.placed.v1'>).data;
  return {
    ...base,
    channel: placed.channel,
    channelOrderId: placed.channelOrderId,
    customerEmail: normalizeEmail(placed.customerEmail),
    customerPhone: placed.customerPhone ? normalizePhone(placed.customerPhone) : null,
    placedAt: new Date(envelope.occurredAt),
  };
}

/** The shipments a shipped event hands to carriers; none for other events. */
export function projectShipments(envelope: EventEnvelope): ShipmentDraft[] {
  if (envelope.type !== 'fulfillment.fulfillment.shipped.v1') return [];
  const shipped = (envelope as EventEnvelope<'fulfillment.fulfillment.shipped.v1'>).data;
  return shipped.shipments.map((shipment) => ({
    tenantId: envelope.tenantId,
    shipmentId: shipment.shipmentId,
    orderId: shipped.orderId,
    fulfillmentId: shipped.fulfillmentId,
    locationId: shipped.locationId,
    carrier: shipment.carrier,
    service: shipment.service,
    trackingNumber: shipment.trackingNumber,
    shippedAt: new Date(envelope.occurredAt),
    eventId: envelope.id,
  }));
}

/** The scan a carrier-scan event records, or null for other events. */
export function projectScan(envelope: EventEnvelope): ScanDraft | null {
  if (envelope.type !== 'tracking.shipment.scanned.v1') return null;
  const scan = (envelope as EventEnvelope<'tracking.shipment.scanned.v1'>).data;
  return {
    eventId: envelope.id,
    tenantId: envelope.tenantId,
    carrier: scan.carrier,
    trackingNumber: scan.trackingNumber,
    scanId: scan.scanId,
    code: scan.code,
    description: scan.description,
    placeName: scan.place.name ?? '',
    city: scan.place.city ?? '',
    postalCode: scan.place.postalCode ?? '',
    country: scan.place.country ?? '',
    occurredAt: new Date(scan.occurredAt),
    estimatedDeliveryAt: scan.estimatedDeliveryAt ? new Date(scan.estimatedDeliveryAt) : null,
    source: scan.source,
    correlationId: envelope.correlationId,
  };
}
