import type { FulfillmentStatus, LegType } from './fulfillment-state-machine';
import { methodProfile, type PlacedOrder, type SourcedLine, type TimeWindow } from './placed-order';

/** One fulfilment order to create: a location's work on one delivery leg of an order. */
export interface PlannedLeg {
  /** Unique within the order event; makes creation idempotent per leg. */
  key: string;
  legType: LegType;
  locationId: string;
  deliveryMethod: string;
  destinationLocationId: string | null;
  /** The leg this one waits for (a ship-to-store pickup waits for its transfer). */
  dependsOnKey: string | null;
  initialStatus: Extract<FulfillmentStatus, 'created' | 'pending'>;
  window?: TimeWindow;
  promisedBy?: Date;
  priority: number;
  requirement: { sameDay: boolean; timeWindow: boolean };
  carrierServiceId?: string;
  lines: SourcedLine[];
}

export interface LegPlan {
  legs: PlannedLeg[];
  /** Lines worked differently from what they asked for (unknown method, missing destination). */
  warnings: string[];
}

interface LegShape {
  legType: LegType;
  locationId: string;
  destinationLocationId: string | null;
  dependsOnKey: string | null;
  initialStatus: 'created' | 'pending';
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

function keyOf(shape: LegShape, method: string, window?: TimeWindow): string {
  const parts = [shape.legType, shape.locationId, method, shape.destinationLocationId ?? ''];
  if (shape.dependsOnKey) parts.push(`after:${shape.dependsOnKey}`);
  if (window) parts.push(window.start.toISOString(), window.end.toISOString());
  return parts.join('|');
}

/**
 * Splits a placed order into legs, one fulfilment order each, grouping lines that share location,
 * method, destination and window:
 * - ship (to address, same-day, scheduled window, drop-ship, ship-from-store): one leg at the
 *   sourced location;
 * - click-and-collect and curbside: a pickup leg at the sourced location, or — when the customer
 *   collects somewhere else — a transfer there plus a pending pickup leg, as ship-to-store;
 * - ship-to-store: a transfer leg from the sourced location to the store, and a pickup leg at the
 *   store that starts `pending` and depends on the transfer;
 * - transfer: a transfer leg to the destination location.
 * A transfer or ship-to-store line without a destination, and an unknown method, fall back (to a
 * shipment to the order's address, to a pickup at the sourced location) with a warning, so no
 * line is silently dropped. Deterministic: legs come ordered by key, every transfer before the
 * pickup leg that depends on it. Pure.
 */
export function planLegs(order: PlacedOrder): LegPlan {
  const warnings: string[] = [];
  const legs = new Map<string, PlannedLeg>();
  const add = (shape: LegShape, line: SourcedLine, priority: number, requirement: PlannedLeg['requirement']): string => {
    const key = keyOf(shape, line.deliveryMethod, line.window);
    const existing = legs.get(key);
    if (existing) {
      existing.lines.push(line);
      existing.promisedBy = earliest(existing.promisedBy, line.promisedBy);
      existing.priority = Math.min(existing.priority, priority);
      return key;
    }
    legs.set(key, {
      key,
      ...shape,
      deliveryMethod: line.deliveryMethod,
      window: line.window,
      promisedBy: line.promisedBy,
      priority,
      requirement,
      carrierServiceId: line.carrierServiceId,
      lines: [line],
    });
    return key;
  };

  for (const line of order.lines) {
    const { profile, known } = methodProfile(line.deliveryMethod);
    if (!known) warnings.push(`line ${line.lineId}: unknown delivery method ${line.deliveryMethod}, shipped to the order's address`);
    const priority = order.priority ?? profile.priority;
    const requirement = { sameDay: profile.sameDay, timeWindow: profile.timeWindow };
    const source = line.locationId;
    const destination = line.destinationLocationId && line.destinationLocationId !== '' ? line.destinationLocationId : null;
    const single = (legType: LegType, destinationLocationId: string | null = null) =>
      add({ legType, locationId: source, destinationLocationId, dependsOnKey: null, initialStatus: 'created' }, line, priority, requirement);
    const viaStore = (store: string) => {
      const transferKey = single('transfer', store);
      add({ legType: 'pickup', locationId: store, destinationLocationId: null, dependsOnKey: transferKey, initialStatus: 'pending' }, line, priority, requirement);
    };

    switch (profile.kind) {
      case 'ship':
        single('ship');
        break;
      case 'pickup':
        if (destination && destination !== source) viaStore(destination);
        else single('pickup');
        break;
      case 'ship_to_store':
        if (destination && destination !== source) viaStore(destination);
        else {
          warnings.push(`line ${line.lineId}: ship-to-store without another store to send to, collected at ${source}`);
          single('pickup');
        }
        break;
      case 'transfer':
        if (destination && destination !== source) single('transfer', destination);
        else {
          warnings.push(`line ${line.lineId}: transfer without a destination location, shipped to the order's address`);
          single('ship');
        }
        break;
    }
  }
  const ordered = [...legs.values()].sort(
    (a, b) => Number(a.dependsOnKey !== null) - Number(b.dependsOnKey !== null) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { legs: ordered, warnings };
}
