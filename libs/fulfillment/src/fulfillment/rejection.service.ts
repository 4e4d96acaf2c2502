import { Injectable } from '@nestjs/common';
import type { LineQuantityData } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { CapacityService } from '../capacity/capacity.service';
import { activeQuantity, lineQuantities, type WorkflowTx } from './fulfillment-workflow';
import type { FulfillmentWithLines } from './fulfillments.repository';
import { LegDependencies } from './leg-dependencies.service';

/**
 * Gives work back, whoever decides it (the location, a short pick of everything, the pick/pack
 * timer): the fulfilment becomes `rejected`, `fulfillment.fulfillment.rejected.v1` names exactly
 * the quantities given back at the location (orders re-sources them, inventory releases their
 * reservations), the day's capacity unit is freed, and a waiting ship-to-store pickup is withdrawn.
 */
@Injectable()
export class RejectionService {
  constructor(
    private readonly capacity: CapacityService,
    private readonly dependencies: LegDependencies,
  ) {}

  async rejectInTx(
    tx: WorkflowTx,
    work: FulfillmentWithLines,
    reason: string,
    shortPick = false,
    lines: LineQuantityData[] = lineQuantities(work, activeQuantity),
  ): Promise<void> {
    const f = work.fulfillment;
    f.rejectReason = reason;
    const acceptedDay = f.acceptedDay;
    await tx.move(work, 'rejected', reason);
    if (acceptedDay) await this.capacity.release(tx.manager, f.locationId, acceptedDay);
    await tx.emit(
      createEvent(
        'fulfillment.fulfillment.rejected.v1',
        { type: 'fulfillment', id: f.id },
        { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, reason, shortPick, lines, partial: false, legType: f.legType },
      ),
    );
    await this.dependencies.withdrawAfter(tx, work, `inbound transfer ${f.id} rejected: ${reason}`);
  }
}
