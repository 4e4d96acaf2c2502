import { METHOD_PROFILES, type DeliveryMethod } from './delivery-methods';
import type { MethodRule, UnfulfillableLine } from './sourcing-model';

/** Units of one SKU expected at one location. */
export interface InboundExpectation {
  sku: string;
  locationId: string;
  quantity: number;
  /** ISO 8601 instant. */
  eta: string;
}

/** What a location is, as far as serving a delivery method goes. */
export interface LocationFacts {
  type: string;
  capabilities: readonly string[];
  /** Available to promise now, by SKU. */
  atp: Readonly<Record<string, number>>;
}

/** How the line travels: its method, the rule for it and where it goes. */
export interface LineDelivery {
  method: DeliveryMethod;
  rule: MethodRule;
  destinationLocationId?: string;
}

export interface Backorder {
  lineId: string;
  locationId: string;
  /** ISO date the line can be served by, from the inbound supply it waits for. */
  expectedDate: string;
}

function mayServe(facts: LocationFacts | undefined, locationId: string, delivery: LineDelivery, excluded: ReadonlySet<string>): boolean {
  if (!facts || excluded.has(locationId)) return false;
  if (!delivery.rule.allowedLocationTypes.includes(facts.type)) return false;
  if (!delivery.rule.requiredCapabilities.every((c) => facts.capabilities.includes(c))) return false;
  const profile = METHOD_PROFILES[delivery.method];
  if (profile.pickup) return locationId === delivery.destinationLocationId;
  return locationId !== delivery.destinationLocationId;
}

/**
 * For each line sourcing could not serve, the earliest date one location may serve it whole:
 * what it has now plus what is expected there by that date, less what earlier backordered lines
 * of the order were promised. Only locations the line's delivery method may use count. Lines with
 * no such supply by the horizon are left out: they cannot be backordered.
 */
export function planBackorders(
  unfulfillable: readonly UnfulfillableLine[],
  deliveries: ReadonlyMap<string, LineDelivery>,
  facts: ReadonlyMap<string, LocationFacts>,
  excluded: ReadonlySet<string>,
  inbound: readonly InboundExpectation[],
  horizon: Date,
): Backorder[] {
  const promised = new Map<string, number>();
  const backorders: Backorder[] = [];
  for (const line of unfulfillable) {
    const delivery = deliveries.get(line.lineId);
    if (!delivery || line.reason === 'DESTINATION_UNKNOWN' || line.reason === 'DESTINATION_NOT_CAPABLE') continue;
    const arrivals = inbound
      .filter((i) => i.sku === line.sku && i.quantity > 0 && new Date(i.eta) <= horizon)
      .filter((i) => mayServe(facts.get(i.locationId), i.locationId, delivery, excluded))
      .sort((a, b) => (a.eta < b.eta ? -1 : a.eta > b.eta ? 1 : a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0));
    const have = new Map<string, number>();
    for (const arrival of arrivals) {
      const key = `${arrival.locationId}\u0000${line.sku}`;
      const before = have.get(arrival.locationId) ?? Math.max(0, facts.get(arrival.locationId)?.atp[line.sku] ?? 0) - (promised.get(key) ?? 0);
      const now = before + arrival.quantity;
      have.set(arrival.locationId, now);
      if (now >= line.requested) {
        promised.set(key, (promised.get(key) ?? 0) + line.requested);
        backorders.push({ lineId: line.lineId, locationId: arrival.locationId, expectedDate: arrival.eta.slice(0, 10) });
        break;
      }
    }
  }
  return backorders;
}
