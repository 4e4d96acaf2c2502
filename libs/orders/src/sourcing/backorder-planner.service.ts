import { Injectable } from '@nestjs/common';
import { InventoryClient } from '../peers/inventory.client';
import type { SourcingRules } from '../rules/sourcing-rules';
import { planBackorders, type Backorder, type InboundExpectation, type LineDelivery, type LocationFacts } from './backorder-plan';
import { DEFAULT_METHOD_RULES } from './delivery-methods';
import type { SourcingLine, UnfulfillableLine } from './sourcing-model';

const DAY_MS = 86_400_000;

/**
 * Finds, for lines nothing can serve now, the inbound supply they can wait for: reads the facts of
 * every location holding or expecting the SKUs and their open inbound supply from inventory, and
 * plans with {@link planBackorders}. Reads only; a backordered line holds no reservation.
 */
@Injectable()
export class BackorderPlanner {
  constructor(private readonly inventory: InventoryClient) {}

  async plan(
    unfulfillable: readonly UnfulfillableLine[],
    lines: readonly SourcingLine[],
    rules: SourcingRules,
    now: Date,
    excludedLocationIds: readonly string[] = [],
  ): Promise<Map<string, Backorder>> {
    if (unfulfillable.length === 0) return new Map();
    const horizon = new Date(now.getTime() + rules.backorderHorizonDays * DAY_MS);
    const skus = [...new Set(unfulfillable.map((u) => u.sku))];
    const [availability, supplies] = await Promise.all([
      this.inventory.cartAvailability(skus, { includeUnavailable: true, asOf: horizon.toISOString() }),
      Promise.all(skus.map((sku) => this.inventory.openInbound(sku))),
    ]);
    const facts = new Map<string, LocationFacts & { atp: Record<string, number> }>();
    for (const sku of availability) {
      for (const at of sku.locations) {
        const known = facts.get(at.locationId) ?? { type: at.locationType, capabilities: at.capabilities, atp: {} };
        known.atp[sku.sku] = Math.max(0, at.available);
        facts.set(at.locationId, known);
      }
    }
    const inbound: InboundExpectation[] = supplies.flat().flatMap((supply) =>
      supply.lines
        .filter((line) => skus.includes(line.sku) && line.openQuantity > 0)
        .map((line) => ({ sku: line.sku, locationId: line.locationId, quantity: line.openQuantity, eta: line.eta })),
    );
    const unknown = [...new Set(inbound.map((i) => i.locationId))].filter((id) => !facts.has(id));
    const located = await Promise.all(unknown.map((id) => this.inventory.location(id).catch(() => undefined)));
    for (const location of located) {
      if (location) facts.set(location.id, { type: location.type, capabilities: location.capabilities, atp: {} });
    }
    const deliveries = new Map<string, LineDelivery>(
      lines.map((line) => [
        line.lineId,
        {
          method: line.deliveryMethod,
          rule: rules.methods[line.deliveryMethod] ?? DEFAULT_METHOD_RULES[line.deliveryMethod],
          destinationLocationId: line.destinationLocationId,
        },
      ]),
    );
    const excluded = new Set([...rules.excludedLocationIds, ...excludedLocationIds]);
    const planned = planBackorders(unfulfillable, deliveries, facts, excluded, inbound, horizon);
    return new Map(planned.map((b) => [b.lineId, b]));
  }
}
