import {
  type AtRiskReason,
  type CustomerStatus,
  type LineProgress,
  lineStatusOf,
  orderStatusOf,
  riskOf,
} from './customer-status';
import { type LineRef, type Milestone, type RecordedEvent, type RecordedScan, type ReturnStage, milestonesOf } from './order-milestones';

export type ShipmentStatus = 'shipped' | 'out_for_delivery' | 'delayed' | 'delivered';

export interface ShipmentView {
  shipmentId: string;
  /** `transfer` for a leg to a store (ship-to-store), `customer` for a parcel to the customer. */
  leg: 'customer' | 'transfer';
  fulfillmentId: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  locationId: string;
  status: ShipmentStatus;
  shippedAt: string;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  scans: RecordedScan[];
  lines: LineRef[];
}

export interface PickupView {
  fulfillmentId: string;
  locationId: string;
  status: 'ready_for_pickup' | 'collected' | 'expired';
  readyAt: string;
  expiresAt: string;
  collectedAt: string | null;
  expiredAt: string | null;
  lines: LineRef[];
}

export interface ReturnView {
  returnId: string;
  status: ReturnStage;
  occurredAt: string;
  /** What was authorised to come back. */
  lines: LineRef[];
  /** What came back and counts as returned (none for a rejected or cancelled return). */
  returned: LineRef[];
}

export interface RefundView {
  refundId: string;
  returnId: string;
  status: 'requested' | 'refunded' | 'failed';
  amountMinor: number;
  currency: string;
  occurredAt: string;
}

export interface LineView extends LineRef {
  status: CustomerStatus;
  shipped: number;
  delivered: number;
  readyForPickup: number;
  collected: number;
  cancelled: number;
  returned: number;
  refunded: number;
}

/** Everything a customer, a store or customer service sees about one order. */
export interface OrderView {
  channel: string;
  channelOrderId: string;
  placedAt: string | null;
  promisedBy: string | null;
  status: CustomerStatus;
  atRisk: boolean;
  atRiskReason: AtRiskReason | null;
  estimatedDeliveryAt: string | null;
  updatedAt: string | null;
  lines: LineView[];
  shipments: ShipmentView[];
  pickups: PickupView[];
  returns: ReturnView[];
  refunds: RefundView[];
}

type Timed = { at: string; eventId: string; milestone: Milestone };

function byTime<T extends { occurredAt: string; eventId: string }>(a: T, b: T): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

function add(counts: Map<string, number>, lines: LineRef[], factor = 1): void {
  for (const line of lines) counts.set(line.lineId, (counts.get(line.lineId) ?? 0) + line.quantity * factor);
}

function minIso(values: Array<string | null | undefined>): string | null {
  const present = values.filter((v): v is string => !!v).sort();
  return present[0] ?? null;
}

function maxIso(values: Array<string | null | undefined>): string | null {
  const present = values.filter((v): v is string => !!v).sort();
  return present[present.length - 1] ?? null;
}

/** The key linking scans to shipments: carriers are matched case-insensitively. */
export function parcelKey(carrier: string, trackingNumber: string): string {
  return `${carrier.toLowerCase()}\u0000${trackingNumber}`;
}

function shipmentStatus(delivered: boolean, scans: RecordedScan[]): ShipmentStatus {
  if (delivered) return 'delivered';
  const latest = scans[scans.length - 1];
  if (!latest) return 'shipped';
  if (latest.code === 'out_for_delivery') return 'out_for_delivery';
  if (latest.code === 'failed_attempt' || latest.code === 'exception' || latest.code === 'returned_to_sender') return 'delayed';
  return 'shipped';
}

function shipmentsOf(timed: Timed[], scans: RecordedScan[]): ShipmentView[] {
  const scansByParcel = new Map<string, RecordedScan[]>();
  for (const scan of [...scans].sort(byTime)) {
    const key = parcelKey(scan.carrier, scan.trackingNumber);
    scansByParcel.set(key, [...(scansByParcel.get(key) ?? []), scan]);
  }
  const deliveredEvents = new Map<string, string[]>();
  for (const { milestone } of timed) {
    if (milestone.kind === 'delivered') {
      deliveredEvents.set(milestone.shipmentId, [...(deliveredEvents.get(milestone.shipmentId) ?? []), milestone.deliveredAt]);
    }
  }
  const views: ShipmentView[] = [];
  for (const { milestone } of timed) {
    if (milestone.kind !== 'shipped') continue;
    for (const shipment of milestone.shipments) {
      const parcelScans = scansByParcel.get(parcelKey(shipment.carrier, shipment.trackingNumber)) ?? [];
      const deliveredScans = parcelScans.filter((scan) => scan.code === 'delivered').map((scan) => scan.occurredAt);
      const deliveredAt = minIso([...(deliveredEvents.get(shipment.shipmentId) ?? []), ...deliveredScans]);
      views.push({
        shipmentId: shipment.shipmentId,
        leg: milestone.transfer ? 'transfer' : 'customer',
        fulfillmentId: milestone.fulfillmentId,
        carrier: shipment.carrier,
        service: shipment.service,
        trackingNumber: shipment.trackingNumber,
        locationId: milestone.locationId,
        status: shipmentStatus(deliveredAt !== null, parcelScans),
        shippedAt: milestone.at,
        deliveredAt,
        estimatedDeliveryAt: [...parcelScans].reverse().find((scan) => scan.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null,
        scans: parcelScans,
        lines: milestone.lines,
      });
    }
  }
  return views;
}

function pickupsOf(timed: Timed[]): PickupView[] {
  const byFulfillment = new Map<string, Milestone[]>();
  for (const { milestone } of timed) {
    if (milestone.kind === 'ready_for_pickup' || milestone.kind === 'collected' || milestone.kind === 'pickup_expired') {
      byFulfillment.set(milestone.fulfillmentId, [...(byFulfillment.get(milestone.fulfillmentId) ?? []), milestone]);
    }
  }
  const views: PickupView[] = [];
  for (const [fulfillmentId, milestones] of byFulfillment) {
    const ready = milestones.filter((m) => m.kind === 'ready_for_pickup');
    if (ready.length === 0) continue;
    const collected = milestones.filter((m) => m.kind === 'collected');
    const expired = milestones.filter((m) => m.kind === 'pickup_expired');
    const units = (list: Array<{ lines: LineRef[] }>) => list.reduce((sum, m) => sum + m.lines.reduce((s, l) => s + l.quantity, 0), 0);
    const fullyCollected = units(collected) >= units(ready);
    views.push({
      fulfillmentId,
      locationId: ready[0].locationId,
      status: fullyCollected ? 'collected' : expired.length > 0 ? 'expired' : 'ready_for_pickup',
      readyAt: ready[0].at,
      expiresAt: maxIso(ready.map((m) => m.expiresAt)) ?? '',
      collectedAt: maxIso(collected.map((m) => m.at)),
      expiredAt: maxIso(expired.map((m) => m.at)),
      lines: ready.flatMap((m) => m.lines),
    });
  }
  return views;
}

function sumLines(lists: LineRef[][]): LineRef[] {
  const byLine = new Map<string, LineRef>();
  for (const line of lists.flat()) {
    const seen = byLine.get(line.lineId);
    byLine.set(line.lineId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  return [...byLine.values()];
}

/** Return stages from first to last; a rejection or cancellation ends a return wherever it was. */
const RETURN_STAGES: readonly ReturnStage[] = ['authorised', 'in_transit', 'received', 'inspected', 'disposed', 'completed', 'rejected', 'cancelled'];

function returnsOf(timed: Timed[]): ReturnView[] {
  const byReturn = new Map<string, Array<Extract<Milestone, { kind: 'return' }>>>();
  for (const { milestone } of timed) {
    if (milestone.kind === 'return') byReturn.set(milestone.returnId, [...(byReturn.get(milestone.returnId) ?? []), milestone]);
  }
  return [...byReturn.entries()].map(([returnId, steps]) => {
    // The furthest stage, not the latest event: one transaction may record several stages at one instant.
    const latest = [...steps].sort((a, b) => RETURN_STAGES.indexOf(a.stage) - RETURN_STAGES.indexOf(b.stage))[steps.length - 1];
    const ofStage = (stage: ReturnStage) => steps.filter((step) => step.stage === stage).map((step) => step.lines);
    const ended = steps.some((step) => step.stage === 'rejected' || step.stage === 'cancelled');
    const completed = ofStage('completed');
    const returned = ended ? [] : completed.length > 0 ? sumLines([completed[completed.length - 1]]) : sumLines(ofStage('received'));
    const authorised = ofStage('authorised');
    return {
      returnId,
      status: latest.stage,
      occurredAt: latest.at,
      lines: authorised.length > 0 ? sumLines([authorised[0]]) : returned,
      returned,
    };
  });
}

function refundsOf(timed: Timed[]): Array<RefundView & { lines: LineRef[] }> {
  const byRefund = new Map<string, Array<Extract<Milestone, { kind: 'refund' }>>>();
  for (const { milestone } of timed) {
    if (milestone.kind === 'refund') byRefund.set(milestone.refundId, [...(byRefund.get(milestone.refundId) ?? []), milestone]);
  }
  return [...byRefund.entries()].map(([refundId, steps]) => {
    const settled = steps.filter((step) => step.outcome !== 'requested');
    const requested = steps.find((step) => step.outcome === 'requested');
    const latest = steps[steps.length - 1];
    return {
      refundId,
      returnId: latest.returnId,
      status: settled.length > 0 ? settled[settled.length - 1].outcome : 'requested',
      amountMinor: (requested ?? latest).amountMinor,
      currency: (requested ?? latest).currency,
      occurredAt: latest.at,
      lines: requested?.lines ?? [],
    };
  });
}

/** Per line: units in shipments that were all delivered, out for delivery, or reported delayed. */
function transitCounts(timed: Timed[], shipments: ShipmentView[]) {
  const shipped = new Map<string, number>();
  const delivered = new Map<string, number>();
  const outForDelivery = new Map<string, number>();
  const delayed = new Map<string, number>();
  for (const { milestone } of timed) {
    if (milestone.kind !== 'shipped' || milestone.transfer) continue;
    add(shipped, milestone.lines);
    const parcels = shipments.filter(
      (s) => s.fulfillmentId === milestone.fulfillmentId && milestone.shipments.some((ref) => ref.shipmentId === s.shipmentId),
    );
    if (parcels.length > 0 && parcels.every((s) => s.status === 'delivered')) add(delivered, milestone.lines);
    else if (parcels.some((s) => s.status === 'out_for_delivery')) add(outForDelivery, milestone.lines);
    if (parcels.some((s) => s.status === 'delayed')) add(delayed, milestone.lines);
  }
  return { shipped, delivered, outForDelivery, delayed };
}

function pickupCounts(timed: Timed[]) {
  const ready = new Map<string, number>();
  const collected = new Map<string, number>();
  for (const { milestone } of timed) {
    if (milestone.kind === 'ready_for_pickup') add(ready, milestone.lines);
    if (milestone.kind === 'collected') {
      add(collected, milestone.lines);
      add(ready, milestone.lines, -1);
    }
    if (milestone.kind === 'pickup_expired') add(ready, milestone.lines, -1);
  }
  return { ready, collected };
}

/**
 * Builds the customer-facing view of one order from its recorded events and the scans of its
 * parcels. Pure and deterministic: it depends only on the sets given (sorted here by time, then
 * event id) and on `now`, so redelivered, shuffled or rebuilt events give the same view.
 */
export function buildOrderView(
  events: RecordedEvent[],
  scans: RecordedScan[],
  now: Date,
  options: { atRiskWindowMs: number },
): OrderView {
  const timed: Timed[] = [...events]
    .sort(byTime)
    .flatMap((event) => milestonesOf(event).map((milestone) => ({ at: milestone.at, eventId: event.eventId, milestone })));
  const placed = timed.map((t) => t.milestone).find((m): m is Extract<Milestone, { kind: 'placed' }> => m.kind === 'placed');
  const shipments = shipmentsOf(timed, scans);
  const transit = transitCounts(timed, shipments);
  const pickup = pickupCounts(timed);
  const cancelled = new Map<string, number>();
  const returned = new Map<string, number>();
  const refunded = new Map<string, number>();
  for (const { milestone } of timed) if (milestone.kind === 'cancelled') add(cancelled, milestone.lines);
  const returns = returnsOf(timed);
  for (const view of returns) add(returned, view.returned);
  const refunds = refundsOf(timed);
  for (const refund of refunds) if (refund.status === 'refunded') add(refunded, refund.lines);
  const processing = timed.some(({ milestone }) => milestone.kind !== 'placed');
  const promisedBy = placed?.promisedBy ?? null;
  const overdue = promisedBy !== null && now.getTime() > Date.parse(promisedBy);
  const count = (map: Map<string, number>, lineId: string) => Math.max(0, map.get(lineId) ?? 0);

  const lines: LineView[] = (placed?.lines ?? []).map((line) => {
    const progress: LineProgress = {
      quantity: line.quantity,
      cancelled: Math.min(line.quantity, count(cancelled, line.lineId)),
      shipped: count(transit.shipped, line.lineId),
      delivered: count(transit.delivered, line.lineId),
      outForDelivery: count(transit.outForDelivery, line.lineId),
      delayedInTransit: count(transit.delayed, line.lineId),
      readyForPickup: count(pickup.ready, line.lineId),
      collected: count(pickup.collected, line.lineId),
      returned: count(returned, line.lineId),
      refunded: count(refunded, line.lineId),
      processing,
      overdue,
    };
    return {
      ...line,
      status: lineStatusOf(progress),
      shipped: progress.shipped,
      delivered: progress.delivered,
      readyForPickup: progress.readyForPickup,
      collected: progress.collected,
      cancelled: progress.cancelled,
      returned: progress.returned,
      refunded: progress.refunded,
    };
  });
  const status = orderStatusOf(
    lines.map((line) => line.status),
    { processing, cancelled: timed.some(({ milestone }) => milestone.kind === 'cancelled' && milestone.wholeOrder) },
  );
  const open = shipments.filter((s) => s.status !== 'delivered');
  const estimatedDeliveryAt = maxIso(open.map((s) => s.estimatedDeliveryAt));
  const risk = riskOf({
    status,
    promisedBy: promisedBy ?? undefined,
    now,
    windowMs: options.atRiskWindowMs,
    anyLeft: shipments.length > 0 || timed.some(({ milestone }) => milestone.kind === 'ready_for_pickup' || milestone.kind === 'collected'),
    estimatedDeliveryAt: estimatedDeliveryAt ?? undefined,
    carrierException: open.some((s) => s.status === 'delayed'),
  });
  return {
    channel: placed?.channel ?? '',
    channelOrderId: placed?.channelOrderId ?? '',
    placedAt: placed?.at ?? null,
    promisedBy,
    status,
    atRisk: risk.atRisk,
    atRiskReason: risk.reason,
    estimatedDeliveryAt,
    updatedAt: maxIso([...events.map((e) => e.occurredAt), ...scans.map((s) => s.occurredAt)]),
    lines,
    shipments,
    pickups: pickupsOf(timed),
    returns,
    refunds: refunds.map(({ lines: _lines, ...refund }) => refund),
  };
}
