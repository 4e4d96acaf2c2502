import type { SagaStep } from '@baton/domain';
import type { PlacementState, PlannedAllocation } from './placement-state';
import { holdFindings } from '../holds/hold-rules';
import { OrdersError } from '../order/orders.errors';
import { BackorderPlanner } from '../sourcing/backorder-planner.service';
import { buildSourcingRequest } from '../sourcing/build-request';
import { sourceOrder } from '../sourcing/source-order';
import { SourcingInputs } from '../sourcing/sourcing-inputs.service';
import type { SourcingLine, UnfulfillableLine } from '../sourcing/sourcing-model';
import { allocationPartId, placementLineId } from './placement-ids';

/** The engine's key for the line at `index` (final ids depend on the plan). */
export const lineKey = (index: number) => `L${index}`;

/** INSUFFICIENT_STOCK naming each line that cannot be sourced, with why and the most one location has. */
export function insufficientStock(unfulfillable: readonly UnfulfillableLine[], note?: string): OrdersError {
  return new OrdersError('INSUFFICIENT_STOCK', note ?? 'Not every line can be sourced', {
    lines: unfulfillable.map((u) => ({
      line: Number(u.lineId.replace(/^L/, '')),
      sku: u.sku,
      requested: u.requested,
      available: u.bestLocationAvailable,
      deliveryMethod: u.deliveryMethod,
      reason: u.reason,
      detail: u.detail,
    })),
  });
}

/**
 * Step 1, source: gathers the network (ATP with location facts, capacity, destinations, weights),
 * plans with the sourcing engine under the tenant's active rules and the order's preference, and
 * fixes every line's and part's id from that plan. Lines nothing can serve now are backordered
 * against inbound supply when the rules allow it; otherwise (or without such supply) the order is
 * refused with INSUFFICIENT_STOCK naming the lines and why. Also finds the rule-based holds.
 * Compensation: none needed — sourcing only reads.
 */
export function sourceStep(inputs: SourcingInputs, backorders: BackorderPlanner): SagaStep<PlacementState> {
  return {
    name: 'source',
    async invoke(state) {
      const { command, rules } = state;
      const skus = command.lines.map((line) => line.sku);
      const unknownWeight = command.lines.filter((line) => line.unitWeightGrams === 0).map((line) => line.sku);
      const [weights, network] = await Promise.all([
        inputs.unitWeights(unknownWeight),
        inputs.network(
          skus,
          command.lines.flatMap((line) => (line.destinationLocationId ? [line.destinationLocationId] : [])),
          { address: command.shipTo, excludedLocationIds: rules.rules.excludedLocationIds },
        ),
      ]);
      const lines: SourcingLine[] = command.lines.map((line, index) => ({
        lineId: lineKey(index),
        sku: line.sku,
        quantity: line.quantity,
        unitValueMinor: line.unitPriceMinor,
        unitWeightGrams: line.unitWeightGrams || (weights.get(line.sku) ?? 0),
        deliveryMethod: line.deliveryMethod,
        ...(line.destinationLocationId ? { destinationLocationId: line.destinationLocationId } : {}),
      }));
      const result = sourceOrder(
        buildSourcingRequest({
          rules: rules.rules,
          strategy: state.strategy,
          network,
          lines,
          currency: command.currency,
          address: command.shipTo,
          requestedWindow: command.requestedWindow,
          now: state.now,
        }),
      );
      state.result = result;
      if (!result.complete) {
        if (!rules.rules.allowBackorder) throw insufficientStock(result.unfulfillable);
        const planned = await backorders.plan(result.unfulfillable, lines, rules.rules, state.now);
        const missing = result.unfulfillable.filter((u) => !planned.has(u.lineId));
        if (missing.length > 0) {
          throw insufficientStock(missing, `Not every line can be sourced, nor backordered against inbound supply within ${rules.rules.backorderHorizonDays} days`);
        }
        state.backorders = new Map([...planned].map(([key, backorder]) => [Number(key.slice(1)), backorder]));
      }
      const lineIds = command.lines.map((line, index) => {
        const first = result.allocations.find((a) => a.lineId === lineKey(index));
        return placementLineId(state.orderId, index, { sku: line.sku, quantity: line.quantity, locationId: first?.locationId ?? '' });
      });
      const parts = new Map<number, number>();
      state.lineIds = lineIds;
      state.allocations = result.allocations.map((a): PlannedAllocation => {
        const lineIndex = Number(a.lineId.slice(1));
        const part = parts.get(lineIndex) ?? 0;
        parts.set(lineIndex, part + 1);
        return {
          id: allocationPartId(lineIds[lineIndex], part, a.locationId, a.quantity),
          lineIndex,
          sku: a.sku,
          locationId: a.locationId,
          quantity: a.quantity,
          carrierServiceId: a.carrierServiceId,
          etaDate: a.etaDate,
        };
      });
      state.holds = holdFindings(command, rules.rules.holds);
    },
    async compensate() {},
  };
}
