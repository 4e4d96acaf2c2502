import { producerOf, type EventEnvelope, type EventMap, type EventType } from '@baton/domain';

/** What one event contributes to an order's timeline. */
export interface TimelineEntryDraft {
  tenantId: string;
  orderId: string;
  eventId: string;
  type: string;
  service: string;
  occurredAt: Date;
  summary: string;
  locationId: string | null;
  correlationId: string;
  data: Record<string, unknown>;
}

function units(lines: ReadonlyArray<{ quantity: number }>): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

type Summaries = { [T in EventType]?: (data: EventMap[T]) => string };

const SUMMARIES: Summaries = {
  'orders.order.placed.v1': (d) =>
    `Order ${d.channelOrderId} placed via ${d.channel}: ${plural(d.lines.length, 'line')}, ${plural(units(d.lines), 'unit')}`,
  'inventory.stock.reserved.v1': (d) =>
    `Stock reserved: ${plural(units(d.reservations), 'unit')} on ${plural(d.reservations.length, 'line')}`,
  'inventory.stock.changed.v1': (d) => `Stock of ${d.sku} changed at location ${d.locationId} (${d.movementType})`,
  'fulfillment.fulfillment.created.v1': (d) =>
    `Fulfilment created at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
};

/** A short sentence a person reads on the timeline; event types without one get a generic line. */
export function summarize(envelope: EventEnvelope): string {
  const summary = SUMMARIES[envelope.type] as ((data: EventMap[EventType]) => string) | undefined;
  return summary ? summary(envelope.data) : `${envelope.type} from ${producerOf(envelope.type)}`;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * The order an event belongs to: the aggregate itself when it is an order, else the `orderId` its
 * data names. Undefined for events about no order (a stock change).
 */
export function orderIdOf(envelope: EventEnvelope): string | undefined {
  if (envelope.aggregateType === 'order') return envelope.aggregateId;
  const orderId = fieldsOf(envelope.data)['orderId'];
  return typeof orderId === 'string' && orderId !== '' ? orderId : undefined;
}

/** The one location an event happened at: its `locationId`, or the single location all its lines share. */
export function locationIdOf(envelope: EventEnvelope): string | null {
  const data = fieldsOf(envelope.data);
  if (typeof data['locationId'] === 'string') return data['locationId'];
  const items = [data['lines'], data['reservations']].flatMap((list) => (Array.isArray(list) ? list : []));
  const locations = new Set(
    items.map((item) => fieldsOf(item)['locationId']).filter((id): id is string => typeof id === 'string'),
  );
  return locations.size === 1 ? [...locations][0] : null;
}

/** The timeline entry an event makes, or null when the event concerns no order. */
export function projectTimelineEntry(envelope: EventEnvelope): TimelineEntryDraft | null {
  const orderId = orderIdOf(envelope);
  if (!orderId) return null;
  return {
    tenantId: envelope.tenantId,
    orderId,
    eventId: envelope.id,
    type: envelope.type,
    service: producerOf(envelope.type),
    occurredAt: new Date(envelope.occurredAt),
    summary: summarize(envelope),
    locationId: locationIdOf(envelope),
    correlationId: envelope.correlationId,
    data: fieldsOf(envelope.data),
  };
}
