import { producerOf, type EventEnvelope, type EventMap, type EventType } from '@baton/domain';
import { SUMMARIES } from './timeline-summaries';

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

/** A short sentence a person reads on the timeline; event types without one get a generic line. */
export function summarize(envelope: EventEnvelope): string {
  const summary = SUMMARIES[envelope.type] as ((data: EventMap[EventType]) => string) | undefined;
  const generic = `${envelope.type} from ${producerOf(envelope.type)}`;
  try {
    return summary ? summary(envelope.data) : generic;
  } catch {
    // A payload not shaped like its catalogue entry still gets on the timeline.
    return generic;
  }
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

/** Every location an event names: its own, and those of its lines or reservations. */
export function locationIdsOf(envelope: EventEnvelope): string[] {
  const data = fieldsOf(envelope.data);
  const items = [data['lines'], data['reservations'], data['releases']].flatMap((list) => (Array.isArray(list) ? list : []));
  const ids = [data['locationId'], data['destinationLocationId'], ...items.map((item) => fieldsOf(item)['locationId'])];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/**
 * Who took the step, as far as the event says: a principal or actor it names, the carrier of a
 * scan, the channel an order came through. The envelope itself carries no principal.
 */
export function actorOf(type: string, data: Record<string, unknown>): string {
  for (const field of ['principal', 'actor', 'performedBy']) {
    if (typeof data[field] === 'string' && data[field] !== '') return data[field] as string;
  }
  if (type === 'tracking.shipment.scanned.v1' && typeof data['carrier'] === 'string') return `carrier:${data['carrier']}`;
  if (type === 'orders.order.placed.v1' && typeof data['channel'] === 'string') return `channel:${data['channel']}`;
  return '';
}

/**
 * The timeline entry an event makes, or null when the event concerns no order. Carrier scans make
 * none: they are kept by parcel and joined onto the timeline of the order shipping that parcel.
 */
export function projectTimelineEntry(envelope: EventEnvelope): TimelineEntryDraft | null {
  if (envelope.type === 'tracking.shipment.scanned.v1') return null;
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
