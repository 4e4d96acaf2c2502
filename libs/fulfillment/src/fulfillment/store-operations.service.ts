import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { createEvent } from '@baton/messaging';
import { CapacityService } from '../capacity/capacity.service';
import { FulfillmentPackageEntity } from '../packing/fulfillment-package.entity';
import { assertFulfillmentTransition } from './fulfillment-state-machine';
import { FulfillmentWorkflow, lineQuantities, unpickedQuantity } from './fulfillment-workflow';
import { FulfillmentsRepository } from './fulfillments.repository';
import { FulfillmentsService } from './fulfillments.service';
import { LegDependencies } from './leg-dependencies.service';
import { pickedQuantities, plannedPackages, reasonOf } from './operation-input';
import { RejectionService } from './rejection.service';

/**
 * What a store or warehouse does with its work: accept it (within the day's capacity), reject it
 * with a reason, confirm the pick (a short pick gives the missing units back at once), and pack
 * it. Each operation is one transaction on the locked fulfilment order with its events.
 */
@Injectable()
export class StoreOperationsService {
  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly repository: FulfillmentsRepository,
    private readonly fulfillments: FulfillmentsService,
    private readonly capacity: CapacityService,
    private readonly rejections: RejectionService,
    private readonly dependencies: LegDependencies,
  ) {}

  /** Takes the work on; refuses CAPACITY_EXCEEDED when the location's day is full. */
  async accept(fulfillmentId: string): Promise<fulfillmentV1.Fulfillment> {
    const work = await this.workflow.onFulfillment(fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      assertFulfillmentTransition(f.status, 'accepted', f.legType);
      f.acceptedDay = await this.capacity.claim(tx.manager, f.locationId, this.workflow.now());
      await tx.move(work, 'accepted');
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.accepted.v1',
          { type: 'fulfillment', id: f.id },
          { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, dueAt: f.dueAt?.toISOString() ?? null },
        ),
      );
      return work;
    });
    return this.fulfillments.view(work);
  }

  /** Gives the work back with a reason; orders re-sources it. */
  async reject(fulfillmentId: string, reason: string): Promise<fulfillmentV1.Fulfillment> {
    const why = reasonOf(reason);
    const work = await this.workflow.onFulfillment(fulfillmentId, async (work, tx) => {
      assertFulfillmentTransition(work.fulfillment.status, 'rejected', work.fulfillment.legType);
      await this.rejections.rejectInTx(tx, work, why);
      return work;
    });
    return this.fulfillments.view(work);
  }

  /**
   * Confirms the picked quantity of every line (starting the pick if it was only accepted). What
   * was not found is short: `fulfillment.fulfillment.rejected.v1` with `shortPick` gives exactly
   * those units back (partial when the rest goes on); nothing found at all rejects the work.
   */
  async confirmPick(request: fulfillmentV1.ConfirmPickRequest): Promise<fulfillmentV1.Fulfillment> {
    const work = await this.workflow.onFulfillment(request.fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      if (f.status === 'accepted') {
        await tx.move(work, 'picking', 'picked without a pick list');
        await tx.emit(
          createEvent(
            'fulfillment.fulfillment.picking-started.v1',
            { type: 'fulfillment', id: f.id },
            { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, pickListId: null },
          ),
        );
      }
      assertFulfillmentTransition(f.status, 'picked', f.legType);
      const picked = pickedQuantities(work.lines, request);
      const short = new Map<string, number>();
      for (const line of work.lines) {
        const quantity = picked.get(line.id) ?? 0;
        const missing = unpickedQuantity(line) - quantity;
        line.pickedQuantity += quantity;
        line.shortQuantity += missing;
        if (missing > 0) short.set(line.id, missing);
      }
      const shortLines = lineQuantities(work, (line) => short.get(line.id) ?? 0);
      const shortByOrderLine = new Map(work.lines.map((line) => [line.orderLineId, short.get(line.id) ?? 0]));
      if (work.lines.every((line) => line.pickedQuantity === 0)) {
        await this.rejections.rejectInTx(tx, work, 'short_pick', true, shortLines);
        return work;
      }
      await tx.move(work, 'picked');
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.picked.v1',
          { type: 'fulfillment', id: f.id },
          { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, lines: lineQuantities(work, (line) => line.pickedQuantity) },
        ),
      );
      if (shortLines.length > 0) {
        await tx.emit(
          createEvent(
            'fulfillment.fulfillment.rejected.v1',
            { type: 'fulfillment', id: f.id },
            {
              fulfillmentId: f.id,
              orderId: f.orderId,
              locationId: f.locationId,
              reason: 'short_pick',
              shortPick: true,
              lines: shortLines,
              partial: true,
              legType: f.legType,
            },
          ),
        );
        await this.dependencies.shrinkAfterShortPick(tx, work, shortByOrderLine);
      }
      return work;
    });
    return this.fulfillments.view(work);
  }

  /** Records the packages (every picked unit in exactly one) with their weights and measures. */
  async pack(request: fulfillmentV1.PackFulfillmentRequest): Promise<fulfillmentV1.Fulfillment> {
    const work = await this.workflow.onFulfillment(request.fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      assertFulfillmentTransition(f.status, 'packed', f.legType);
      const plans = plannedPackages(work.lines, request.packages);
      const packages = plans.map((plan, index) =>
        Object.assign(new FulfillmentPackageEntity(), {
          id: randomUUID(),
          tenantId: f.tenantId,
          fulfillmentId: f.id,
          packageNo: index + 1,
          ...plan,
        } satisfies FulfillmentPackageEntity),
      );
      await this.repository.insertPackages(tx.manager, packages);
      await tx.move(work, 'packed');
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.packed.v1',
          { type: 'fulfillment', id: f.id },
          {
            fulfillmentId: f.id,
            orderId: f.orderId,
            locationId: f.locationId,
            packages: packages.map((p) => ({
              packageId: p.id,
              weightGrams: p.weightGrams,
              lengthMm: p.lengthMm,
              widthMm: p.widthMm,
              heightMm: p.heightMm,
              lines: p.lines,
            })),
          },
        ),
      );
      return work;
    });
    return this.fulfillments.view(work);
  }
}
