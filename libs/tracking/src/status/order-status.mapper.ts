import type { trackingV1 } from '@baton/contracts';
import { actorOf } from '../timeline/timeline-projection';
import type { LineRef, RecordedScan } from './order-milestones';
import type { OrderView, ShipmentView } from './order-view';
import type { OrderFacts } from './order-views.service';

function compare(a: trackingV1.TimelineEntry, b: trackingV1.TimelineEntry): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** The sentence a scan shows on the timeline (the same as its event's summary). */
export function scanSummary(scan: Pick<RecordedScan, 'carrier' | 'trackingNumber' | 'code' | 'description'>): string {
  return `${scan.carrier} ${scan.trackingNumber}: ${scan.code.replace(/_/g, ' ')}${scan.description ? ` — ${scan.description}` : ''}`;
}

/** One order's steps and its parcels' scans as one timeline: by time, ties by event id. */
export function toTimelineEntries(facts: OrderFacts | undefined): trackingV1.TimelineEntry[] {
  if (!facts) return [];
  const steps = facts.events.map((event) => ({
    eventId: event.eventId,
    type: event.type,
    service: event.service,
    occurredAt: event.occurredAt,
    summary: event.summary,
    locationId: event.locationId ?? '',
    correlationId: event.correlationId,
    actor: actorOf(event.type, event.data),
    place: '',
    trackingNumber: '',
  }));
  const scans = facts.scans.map((scan) => ({
    eventId: scan.eventId,
    type: 'tracking.shipment.scanned.v1',
    service: 'tracking',
    occurredAt: scan.occurredAt,
    summary: scanSummary(scan),
    locationId: '',
    correlationId: scan.correlationId,
    actor: `carrier:${scan.carrier}`,
    place: scan.place,
    trackingNumber: scan.trackingNumber,
  }));
  return [...steps, ...scans].sort(compare);
}

function lineQuantities(lines: LineRef[]): trackingV1.LineQuantity[] {
  return lines.map((line) => ({ lineId: line.lineId, sku: line.sku, quantity: line.quantity }));
}

function toShipment(shipment: ShipmentView): trackingV1.Shipment {
  return {
    shipmentId: shipment.shipmentId,
    fulfillmentId: shipment.fulfillmentId,
    carrier: shipment.carrier,
    service: shipment.service,
    trackingNumber: shipment.trackingNumber,
    locationId: shipment.locationId,
    status: shipment.status,
    shippedAt: shipment.shippedAt,
    deliveredAt: shipment.deliveredAt ?? '',
    estimatedDeliveryAt: shipment.estimatedDeliveryAt ?? '',
    leg: shipment.leg,
    scans: shipment.scans.map((scan) => ({
      code: scan.code,
      description: scan.description,
      place: scan.place,
      occurredAt: scan.occurredAt,
    })),
  };
}

/** The full customer-service view of an order. */
export function toOrderStatus(orderId: string, view: OrderView): trackingV1.OrderStatus {
  return {
    orderId,
    channel: view.channel,
    channelOrderId: view.channelOrderId,
    status: view.status,
    promisedBy: view.promisedBy ?? '',
    atRisk: view.atRisk,
    atRiskReason: view.atRiskReason ?? '',
    estimatedDeliveryAt: view.estimatedDeliveryAt ?? '',
    placedAt: view.placedAt ?? '',
    updatedAt: view.updatedAt ?? '',
    lines: view.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      quantity: line.quantity,
      status: line.status,
      shippedQuantity: line.shipped,
      deliveredQuantity: line.delivered,
      readyForPickupQuantity: line.readyForPickup,
      collectedQuantity: line.collected,
      cancelledQuantity: line.cancelled,
      returnedQuantity: line.returned,
      refundedQuantity: line.refunded,
    })),
    shipments: view.shipments.map(toShipment),
    pickups: view.pickups.map((pickup) => ({
      fulfillmentId: pickup.fulfillmentId,
      locationId: pickup.locationId,
      status: pickup.status,
      readyAt: pickup.readyAt,
      expiresAt: pickup.expiresAt,
      collectedAt: pickup.collectedAt ?? '',
      expiredAt: pickup.expiredAt ?? '',
      lines: lineQuantities(pickup.lines),
    })),
    returns: view.returns.map((ret) => ({
      returnId: ret.returnId,
      status: ret.status,
      occurredAt: ret.occurredAt,
      lines: lineQuantities(ret.lines),
      returnedLines: lineQuantities(ret.returned),
    })),
    refunds: view.refunds.map((refund) => ({
      refundId: refund.refundId,
      returnId: refund.returnId,
      status: refund.status,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      occurredAt: refund.occurredAt,
    })),
  };
}

/**
 * The public answer for one parcel: its status, dates and the carrier's milestones (code, time,
 * town, country). Nothing personal: no order or customer data, no carrier free text (which may
 * name who signed for the parcel).
 */
export function toPublicTrack(shipment: ShipmentView, view: OrderView): trackingV1.TrackShipmentResponse {
  return {
    trackingNumber: shipment.trackingNumber,
    carrier: shipment.carrier,
    // A leg to the store that arrived is not delivered to the customer: the order tells where it stands.
    status: shipment.leg === 'transfer' && shipment.status === 'delivered' ? view.status : shipment.status,
    promisedBy: view.promisedBy ?? '',
    atRisk: shipment.status !== 'delivered' && view.atRisk,
    estimatedDeliveryAt: shipment.estimatedDeliveryAt ?? '',
    shippedAt: shipment.shippedAt,
    deliveredAt: shipment.deliveredAt ?? '',
    milestones: shipment.scans.map((scan) => ({
      code: scan.code,
      occurredAt: scan.occurredAt,
      city: scan.city,
      country: scan.country,
    })),
  };
}
