import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { CapacityService } from '../capacity/capacity.service';
import { OPEN_STATUSES, type FulfillmentStatus } from './fulfillment-state-machine';
import { FulfillmentWorkflow, activeQuantity, lineQuantities, unpickedQuantity, type WorkflowTx } from './fulfillment-workflow';
import type { FulfillmentLineEntity } from './fulfillment-line.entity';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';
import { cancelledEvent } from './leg-dependencies.service';

const CANCELLABLE: readonly FulfillmentStatus[] = [...OPEN_STATUSES, 'ready_for_pickup'];

/**
 * Withdraws work when orders cancels an order or some of its lines (`orders.order.cancelled.v1`):
 * each leg not yet shipped or collected loses the cancelled units (unpicked ones first), a leg with
 * nothing left becomes `cancelled` and frees its capacity unit, and `…cancelled.v1` names what was
 * withdrawn. Stock is not released here: inventory does that from the order's own cancellation.
 * Legs already shipped or collected are left as they are (orders only cancels until shipment).
 */
@Injectable()
export class OrderCancellationService {
  private readonly logger = new Logger(OrderCancellationService.name);

  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly repository: FulfillmentsRepository,
    private readonly capacity: CapacityService,
  ) {}

  async withdraw(cancelled: EventEnvelope<'orders.order.cancelled.v1'>, manager: EntityManager): Promise<void> {
    const { data } = cancelled;
    const reason = `order cancelled: ${data.reason}`;
    await this.workflow.inTransaction(async (tx) => {
      for (const work of await this.repository.lockByOrder(tx.manager, data.orderId)) {
        if (!CANCELLABLE.includes(work.fulfillment.status)) {
          this.logger.warn(`Order ${data.orderId} cancelled, but fulfilment ${work.fulfillment.id} is already ${work.fulfillment.status}`);
          continue;
        }
        const removed = new Map<string, number>();
        for (const line of work.lines) {
          const want = data.wholeOrder ? Number.MAX_SAFE_INTEGER : cancelledUnits(data.lines, line, work.fulfillment.dependsOnId ? undefined : work.fulfillment.locationId);
          const cut = Math.min(want, activeQuantity(line) - line.collectedQuantity);
          if (cut <= 0) continue;
          const fromPicked = cut - Math.min(cut, unpickedQuantity(line));
          line.pickedQuantity -= fromPicked;
          line.cancelledQuantity += cut;
          removed.set(line.id, cut);
        }
        if (removed.size === 0) continue;
        await this.apply(work, removed, reason, tx);
      }
    }, manager);
  }

  private async apply(
    work: FulfillmentWithLines,
    removed: ReadonlyMap<string, number>,
    reason: string,
    tx: WorkflowTx,
  ): Promise<void> {
    const f = work.fulfillment;
    const lines = lineQuantities(work, (line) => removed.get(line.id) ?? 0);
    if (work.lines.every((line) => activeQuantity(line) - line.collectedQuantity === 0)) {
      const acceptedDay = f.status !== 'ready_for_pickup' ? f.acceptedDay : null;
      await tx.move(work, 'cancelled', reason);
      if (acceptedDay) await this.capacity.release(tx.manager, f.locationId, acceptedDay);
    } else {
      await tx.save(work, reason);
    }
    await tx.emit(cancelledEvent(work, reason, lines));
  }
}

function cancelledUnits(
  cancelled: ReadonlyArray<{ lineId: string; quantity: number; locationId?: string }>,
  line: FulfillmentLineEntity,
  locationId: string | undefined,
): number {
  return cancelled
    .filter((c) => c.lineId === line.orderLineId && (!c.locationId || !locationId || c.locationId === locationId))
    .reduce((sum, c) => sum + c.quantity, 0);
}
