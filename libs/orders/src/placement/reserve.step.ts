import { Logger } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { OrdersError } from '../order/orders.errors';
import { OrdersRepository } from '../order/orders.repository';
import { InventoryClient } from '../peers/inventory.client';
import type { PlacementState } from './placement-state';
import { nameBasedUuid } from './placement-ids';
import type { SagaStep } from '@baton/domain';

/** Reservation statuses that hold nothing for the order any more. */
const SPENT = new Set(['released', 'expired', 'consumed']);
const MAX_GENERATIONS = 5;

function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}

/** Inventory's refusal of a plan, in the shape of the placement's own INSUFFICIENT_STOCK. */
function lostRace(error: DomainError, state: PlacementState): OrdersError {
  const reported = Array.isArray(error.details['lines']) ? (error.details['lines'] as Array<Record<string, unknown>>) : [];
  const byId = new Map((state.allocations ?? []).map((a) => [a.id, a]));
  const lines = reported.flatMap((entry) => {
    const planned = typeof entry['lineId'] === 'string' ? byId.get(entry['lineId']) : undefined;
    if (!planned) return [];
    return [
      {
        line: planned.lineIndex,
        sku: planned.sku,
        requested: integerOr(entry['requested'], planned.quantity),
        available: integerOr(entry['available'], 0),
        deliveryMethod: state.command.lines[planned.lineIndex].deliveryMethod,
        reason: 'INSUFFICIENT_STOCK',
        detail: `taken by another order at ${planned.locationId} while this one was being placed`,
      },
    ];
  });
  return new OrdersError('INSUFFICIENT_STOCK', 'Not every line can be sourced', { lines });
}

/**
 * Step 2, reserve: holds every planned part in inventory under the order id, for the configured
 * TTL, all or none. A race lost to another order since sourcing comes back as INSUFFICIENT_STOCK
 * naming the lines.
 * Compensation: releases what this placement reserved — except parts a committed order of the same
 * id uses (a concurrent duplicate that won), and nothing at all when the database cannot say
 * (then the holds expire on their own after the TTL, which is what catches a crash too). The
 * release carries a reference derived from the parts, so running it twice releases once.
 */
export function reserveStep(inventory: InventoryClient, repository: OrdersRepository, ttlSeconds: number, logger: Logger): SagaStep<PlacementState> {
  return {
    name: 'reserve',
    async invoke(state) {
      const planned = state.allocations ?? [];
      if (planned.length === 0) {
        state.reservations = new Map();
        return;
      }
      let byLine = new Map<string, inventoryV1.Reservation>();
      for (let generation = 1; ; generation++) {
        let reservations: inventoryV1.Reservation[];
        try {
          reservations = await inventory.reservePlan({
            orderId: state.orderId,
            lines: planned.map(({ id, sku, locationId, quantity }) => ({ lineId: id, sku, locationId, quantity })),
            ttlSeconds,
          });
        } catch (error) {
          if (error instanceof DomainError && error.kind === 'conflict' && error.code === 'INSUFFICIENT_STOCK') throw lostRace(error, state);
          throw error;
        }
        byLine = new Map(reservations.map((reservation) => [reservation.lineId, reservation]));
        // A part id an earlier attempt reserved and gave back (released, expired) holds nothing any
        // more: inventory returns that spent reservation as it is, so the part is reserved anew
        // under the next id derived from it.
        const spent = planned.filter((part) => SPENT.has(byLine.get(part.id)?.status ?? ''));
        if (spent.length === 0 || generation >= MAX_GENERATIONS) break;
        for (const part of spent) part.id = nameBasedUuid(JSON.stringify(['regenerated', part.id, generation]));
      }
      const mismatched = planned.filter((part) => {
        const held = byLine.get(part.id);
        return !held || SPENT.has(held.status) || held.sku !== part.sku || held.quantity !== part.quantity || held.orderId !== state.orderId;
      });
      if (mismatched.length > 0) {
        throw new OrdersError('RESERVATION_MISMATCH', 'Inventory did not reserve the plan that was asked for', {
          orderId: state.orderId,
          lineIds: mismatched.map((part) => part.id),
        });
      }
      state.reservations = byLine;
    },
    async compensate(state) {
      const held = [...(state.reservations?.keys() ?? [])];
      if (held.length === 0) return;
      let committed: Set<string>;
      try {
        const order = await repository.findById(state.orderId, state.manager);
        committed = new Set(order?.allocations.map((a) => a.id) ?? []);
      } catch (error) {
        logger.warn(`Order ${state.orderId}: cannot tell whether it was committed (${String(error)}); its holds are left to expire`);
        return;
      }
      const release = held.filter((id) => !committed.has(id)).sort();
      if (release.length === 0) return;
      const quantities = new Map((state.allocations ?? []).map((a) => [a.id, a.quantity]));
      await inventory.releaseReservations(
        state.orderId,
        release.map((lineId) => ({ lineId, quantity: quantities.get(lineId) ?? 0 })),
        `placement-failed/${state.orderId}/${release.join(',')}`.slice(0, 500),
        'order placement failed after reserving',
      );
    },
  };
}
