import type { Logger } from '@nestjs/common';
import { Outbox } from '@baton/messaging';
import { OrdersRepository } from '../order/orders.repository';
import { InventoryClient } from '../peers/inventory.client';
import { buildPlacedOrder } from './placed-order.builder';
import type { PlacementState } from './placement-state';
import type { SagaStep } from '@baton/domain';

/**
 * Step 3, commit: writes the order, its lines, parts, holds, history and sourcing decision, with
 * its events in the outbox, in one transaction — the events leave exactly when the order exists.
 * Losing the race to a concurrent submission of the same order (unique key) is not a failure:
 * the order that won is the outcome, and whatever this attempt reserved that the winner does not
 * use is released.
 * Compensation: none — a committed order is the saga's pivot; what follows cannot undo it.
 */
export function commitStep(repository: OrdersRepository, outbox: Outbox, inventory: InventoryClient, logger: Logger): SagaStep<PlacementState> {
  return {
    name: 'commit',
    async invoke(state) {
      const built = buildPlacedOrder(state);
      try {
        await state.manager.transaction(async (manager) => {
          await repository.insertPlaced(manager, built.aggregate, { history: built.change.history, decision: built.decision });
          await outbox.append(manager, ...built.change.events);
        });
      } catch (error) {
        if (!repository.isDuplicateOrder(error)) throw error;
        const winner = await repository.findById(state.orderId, state.manager);
        if (!winner) throw error;
        state.outcome = { placed: winner, created: false };
        const used = new Set(winner.allocations.map((a) => a.id));
        const spare = (state.allocations ?? []).filter((a) => state.reservations?.has(a.id) && !used.has(a.id));
        if (spare.length > 0) {
          await inventory
            .releaseReservations(
              state.orderId,
              spare.map((a) => ({ lineId: a.id, quantity: a.quantity })),
              `placement-duplicate/${spare.map((a) => a.id).sort().join(',')}`.slice(0, 500),
              'a concurrent submission of the same order was placed first',
            )
            .catch((releaseError: unknown) => logger.warn(`Spare holds of order ${state.orderId} are left to expire: ${String(releaseError)}`));
        }
        return;
      }
      outbox.notify();
      state.outcome = { placed: built.aggregate, created: true };
    },
    async compensate() {},
  };
}
