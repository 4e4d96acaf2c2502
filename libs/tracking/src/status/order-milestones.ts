import type { EventMap, EventType, ScanCode } from '@baton/domain';

/** One recorded event of an order, as the read model stores it. */
export interface RecordedEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** One recorded carrier scan; linked to orders by carrier and tracking number. */
export interface RecordedScan {
  eventId: string;
  carrier: string;
  trackingNumber: string;
  code: ScanCode;
  description: string;
  place: string;
  city: string;
  country: string;
  occurredAt: string;
  estimatedDeliveryAt: string | null;
  correlationId: string;
}

export interface LineRef {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface ShipmentRef {
  shipmentId: string;
  carrier: string;
  service: string;
  trackingNumber: string;
}

/** How far a return got; `rejected` and `cancelled` end it with nothing taken back. */
export type ReturnStage = 'authorised' | 'in_transit' | 'received' | 'inspected' | 'disposed' | 'completed' | 'rejected' | 'cancelled';

/**
 * What an event means for the customer-facing view, independent of which service said it. Status,
 * shipments, pickups, returns and refunds are computed from milestones only, so a new event type
 * slots in by mapping it onto these kinds in {@link MILESTONES}.
 */
export type Milestone =
  | { kind: 'placed'; at: string; channel: string; channelOrderId: string; promisedBy?: string; lines: LineRef[] }
  | { kind: 'processing'; at: string }
  | {
      kind: 'shipped';
      at: string;
      fulfillmentId: string;
      locationId: string;
      lines: LineRef[];
      shipments: ShipmentRef[];
      /** A leg to another location (ship-to-store): not yet on its way to the customer. */
      transfer: boolean;
    }
  | { kind: 'delivered'; at: string; fulfillmentId: string; shipmentId: string; deliveredAt: string }
  | { kind: 'ready_for_pickup'; at: string; fulfillmentId: string; locationId: string; expiresAt: string; lines: LineRef[] }
  | { kind: 'collected'; at: string; fulfillmentId: string; locationId: string; lines: LineRef[] }
  | { kind: 'pickup_expired'; at: string; fulfillmentId: string; lines: LineRef[] }
  | { kind: 'cancelled'; at: string; wholeOrder: boolean; lines: LineRef[] }
  | { kind: 'return'; at: string; returnId: string; stage: ReturnStage; lines: LineRef[] }
  | {
      kind: 'refund';
      at: string;
      refundId: string;
      returnId: string;
      outcome: 'requested' | 'refunded' | 'failed';
      amountMinor: number;
      currency: string;
      lines: LineRef[];
    };

function refs(lines: ReadonlyArray<{ lineId: string; sku?: string; quantity: number }>): LineRef[] {
  return lines.map((line) => ({ lineId: line.lineId, sku: line.sku ?? '', quantity: line.quantity }));
}

type Extractors = { [T in EventType]?: (data: EventMap[T], at: string) => Milestone[] };

const processing = (_data: unknown, at: string): Milestone[] => [{ kind: 'processing', at }];
const returnStage =
  (stage: ReturnStage) =>
  (d: { returnId: string; lines?: ReadonlyArray<{ lineId: string; sku: string; quantity: number }> }, at: string): Milestone[] => [
    { kind: 'return', at, returnId: d.returnId, stage, lines: refs(d.lines ?? []) },
  ];

/**
 * The meaning of each event type for the customer. Types without an entry (a stock change, an
 * internal step) show on the timeline but do not move the status.
 */
export const MILESTONES: Extractors = {
  'orders.order.placed.v1': (d, at) => [
    {
      kind: 'placed',
      at,
      channel: d.channel,
      channelOrderId: d.channelOrderId,
      promisedBy: d.promisedBy,
      lines: refs(d.lines),
    },
  ],
  'orders.order.cancelled.v1': (d, at) => [{ kind: 'cancelled', at, wholeOrder: d.wholeOrder, lines: refs(d.lines) }],
  'inventory.stock.reserved.v1': processing,
  'fulfillment.fulfillment.created.v1': processing,
  'fulfillment.fulfillment.accepted.v1': processing,
  'fulfillment.fulfillment.picking-started.v1': processing,
  'fulfillment.fulfillment.picked.v1': processing,
  'fulfillment.fulfillment.packed.v1': processing,
  'fulfillment.fulfillment.rejected.v1': processing,
  'fulfillment.fulfillment.shipped.v1': (d, at) => [
    {
      kind: 'shipped',
      at,
      fulfillmentId: d.fulfillmentId,
      locationId: d.locationId,
      lines: refs(d.lines),
      shipments: d.shipments,
      transfer: d.legType === 'transfer',
    },
  ],
  'fulfillment.fulfillment.delivered.v1': (d, at) => [
    { kind: 'delivered', at, fulfillmentId: d.fulfillmentId, shipmentId: d.shipmentId, deliveredAt: d.deliveredAt },
  ],
  'fulfillment.fulfillment.ready-for-pickup.v1': (d, at) => [
    {
      kind: 'ready_for_pickup',
      at,
      fulfillmentId: d.fulfillmentId,
      locationId: d.locationId,
      expiresAt: d.expiresAt,
      lines: refs(d.lines),
    },
  ],
  'fulfillment.fulfillment.collected.v1': (d, at) => [
    { kind: 'collected', at, fulfillmentId: d.fulfillmentId, locationId: d.locationId, lines: refs(d.lines) },
  ],
  'fulfillment.fulfillment.expired.v1': (d, at) => [{ kind: 'pickup_expired', at, fulfillmentId: d.fulfillmentId, lines: refs(d.lines) }],
  'returns.return.authorised.v1': returnStage('authorised'),
  'returns.return.in-transit.v1': returnStage('in_transit'),
  'returns.return.received.v1': returnStage('received'),
  'returns.return.inspected.v1': (d, at) => [{ kind: 'return', at, returnId: d.returnId, stage: 'inspected', lines: [] }],
  'returns.return.disposed.v1': (d, at) => [{ kind: 'return', at, returnId: d.returnId, stage: 'disposed', lines: [] }],
  'returns.return.completed.v1': returnStage('completed'),
  'returns.return.rejected.v1': returnStage('rejected'),
  'returns.return.cancelled.v1': returnStage('cancelled'),
  'returns.refund.requested.v1': (d, at) => [
    {
      kind: 'refund',
      at,
      refundId: d.refundId,
      returnId: d.returnId,
      outcome: 'requested',
      amountMinor: d.amountMinor,
      currency: d.currency,
      lines: refs(d.lines),
    },
  ],
  'returns.refund.settled.v1': (d, at) => [
    {
      kind: 'refund',
      at,
      refundId: d.refundId,
      returnId: d.returnId,
      outcome: d.outcome === 'succeeded' ? 'refunded' : 'failed',
      amountMinor: d.amountMinor,
      currency: d.currency,
      lines: [],
    },
  ],
};

/** The milestones of one recorded event (none for types that do not move the status, or a malformed payload). */
export function milestonesOf(event: RecordedEvent): Milestone[] {
  const extract = MILESTONES[event.type as EventType] as ((data: unknown, at: string) => Milestone[]) | undefined;
  if (!extract) return [];
  try {
    return extract(event.data, event.occurredAt);
  } catch {
    return [];
  }
}
