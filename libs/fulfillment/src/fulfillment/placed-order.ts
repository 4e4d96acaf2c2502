import type { AddressData, OrderPlacedV1, OrderSourcedV1 } from '@baton/domain';

/** How goods reach the customer or location, as far as fulfilment work is concerned. */
export type MethodKind = 'ship' | 'pickup' | 'ship_to_store' | 'transfer';

/** What a delivery method means for the work, and what it asks of a carrier service. */
export interface MethodProfile {
  kind: MethodKind;
  sameDay: boolean;
  timeWindow: boolean;
  /** Default urgency, 1 (most urgent) … 9. */
  priority: number;
}

const SHIP: MethodProfile = { kind: 'ship', sameDay: false, timeWindow: false, priority: 5 };

/** The delivery methods orders sends (and their common aliases) and how each is worked. */
export const METHOD_PROFILES: Readonly<Record<string, MethodProfile>> = {
  ship_to_address: SHIP,
  ship_from_store: SHIP,
  drop_ship: SHIP,
  same_day: { kind: 'ship', sameDay: true, timeWindow: false, priority: 2 },
  same_day_delivery: { kind: 'ship', sameDay: true, timeWindow: false, priority: 2 },
  scheduled_window: { kind: 'ship', sameDay: false, timeWindow: true, priority: 3 },
  scheduled: { kind: 'ship', sameDay: false, timeWindow: true, priority: 3 },
  scheduled_delivery: { kind: 'ship', sameDay: false, timeWindow: true, priority: 3 },
  click_and_collect: { kind: 'pickup', sameDay: false, timeWindow: false, priority: 4 },
  pickup: { kind: 'pickup', sameDay: false, timeWindow: false, priority: 4 },
  curbside: { kind: 'pickup', sameDay: false, timeWindow: false, priority: 3 },
  ship_to_store: { kind: 'ship_to_store', sameDay: false, timeWindow: false, priority: 5 },
  transfer: { kind: 'transfer', sameDay: false, timeWindow: false, priority: 6 },
  transfer_to_location: { kind: 'transfer', sameDay: false, timeWindow: false, priority: 6 },
};

/** The profile of a method; an unknown method is worked as a shipment to the order's address. */
export function methodProfile(method: string): { profile: MethodProfile; known: boolean } {
  const profile = METHOD_PROFILES[method];
  return profile ? { profile, known: true } : { profile: SHIP, known: false };
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

/** One sourced line with everything the work needs to know about its delivery. */
export interface SourcedLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  /** Where the goods are (reserved). */
  locationId: string;
  deliveryMethod: string;
  /** Where the goods go (ship-to-store, transfer) or are collected (click-and-collect, curbside). */
  destinationLocationId?: string;
  window?: TimeWindow;
  promisedBy?: Date;
  /** `carrier:service` the sourcing engine planned with, when it named one. */
  carrierServiceId?: string;
}

/** A placed order as fulfilment reads it: every line with its own delivery. */
export interface PlacedOrder {
  orderId: string;
  currency: string;
  shipTo: AddressData | null;
  lines: SourcedLine[];
  priority?: number;
  carrierStrategy?: string;
}

type Loose = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * An instant, or a calendar date (`2026-11-19`, as sourcing promises a day) read as midday UTC of
 * that day — the same calendar day in every time zone from UTC−11 to UTC+11, so comparing it with
 * a carrier's local delivery day keeps the day.
 */
export function instant(value: unknown): Date | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T12:00:00Z` : raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A window given as `{from, to}` or `{start, end}` (ISO instants); undefined unless both parse and start < end. */
export function windowOf(value: unknown): TimeWindow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Loose;
  const start = instant(fields['from'] ?? fields['start']);
  const end = instant(fields['to'] ?? fields['end']);
  return start && end && start < end ? { start, end } : undefined;
}

const PRIORITY_WORDS: Readonly<Record<string, number>> = { urgent: 1, high: 3, normal: 5, low: 7 };

/** A priority given as 1–9 or as a word (urgent, high, normal, low). */
export function priorityOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9) return value;
  if (typeof value === 'string') return PRIORITY_WORDS[value.toLowerCase()];
  return undefined;
}

/** What placement and later sourcing (`orders.order.sourced.v1`) both say about sourced lines. */
export type SourcedOrderData = Pick<OrderPlacedV1, 'orderId' | 'deliveryMethod' | 'currency' | 'lines'> & {
  shipTo: AddressData | null;
};

/**
 * Reads `orders.order.placed.v1` (and `orders.order.sourced.v1`) — the first shape (one delivery method and address for the
 * order) and the richer one orders may send (per line: `deliveryMethod`, `destinationLocationId`
 * or `pickupLocationId`, `requestedWindow`, `promisedBy`, `carrierServiceId`; per order:
 * `requestedWindow`, `promisedBy`, `priority`, `strategy`). A field that is absent or malformed
 * falls back to the order's, so an older producer still gets its orders fulfilled.
 */
export function readPlacedOrder(data: SourcedOrderData | OrderPlacedV1 | OrderSourcedV1): PlacedOrder {
  const order = data as unknown as Loose;
  const orderWindow = windowOf(order['requestedWindow'] ?? order['deliveryWindow']);
  const orderPromise = instant(order['promisedBy']);
  const orderDestination = text(order['destinationLocationId']) ?? text(order['pickupLocationId']);
  return {
    orderId: data.orderId,
    currency: data.currency,
    shipTo: data.shipTo ?? null,
    priority: priorityOf(order['priority']),
    carrierStrategy: text(order['carrierStrategy']) ?? text(order['strategy']) ?? text(order['sourcingStrategy']),
    lines: data.lines.map((line) => {
      const loose = line as unknown as Loose;
      return {
        lineId: line.lineId,
        sku: line.sku,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        locationId: line.locationId,
        deliveryMethod: text(loose['deliveryMethod']) ?? data.deliveryMethod,
        destinationLocationId: text(loose['destinationLocationId']) ?? text(loose['pickupLocationId']) ?? orderDestination,
        window: windowOf(loose['requestedWindow']) ?? orderWindow,
        promisedBy: instant(loose['promisedBy']) ?? orderPromise,
        carrierServiceId: text(loose['carrierServiceId']),
      };
    }),
  };
}
