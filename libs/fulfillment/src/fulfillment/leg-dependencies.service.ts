import { Injectable } from '@nestjs/common';
import { createEvent } from '@baton/messaging';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import { DueTimes } from '../scheduling/due-times.service';
import { OPEN_STATUSES } from './fulfillment-state-machine';
import { activeQuantity, lineQuantities, type WorkflowTx } from './fulfillment-workflow';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';

/**
 * Keeps the two legs of ship-to-store consistent: the pickup leg at the store waits (`pending`)
 * until its inbound transfer is delivered, shrinks when the transfer is short-picked, and is
 * withdrawn when the transfer is rejected or cancelled (orders re-sources the lines, which makes
 * new legs). Always inside the transaction that changed the transfer leg.
 */
@Injectable()
export class LegDependencies {
  constructor(
    private readonly repository: FulfillmentsRepository,
    private readonly policies: FulfillmentPoliciesService,
    private readonly dueTimes: DueTimes,
  ) {}

  /** The transfer arrived: its waiting pickup legs become workable, with their due times. */
  async activateAfter(tx: WorkflowTx, inbound: FulfillmentWithLines, now: Date): Promise<void> {
    const dependents = (await this.repository.lockDependents(tx.manager, inbound.fulfillment.id)).filter(
      (d) => d.fulfillment.status === 'pending',
    );
    if (dependents.length === 0) return;
    const policy = await this.policies.current();
    for (const dependent of dependents) {
      const f = dependent.fulfillment;
      f.availableAt = now;
      f.dueAt = this.dueTimes.dueAt(
        { legType: f.legType, deliveryMethod: f.deliveryMethod, promisedBy: f.promisedBy, window: windowOf(f) },
        now,
        policy.pickupPrepMinutes,
      );
      await tx.move(dependent, 'created', `inbound transfer ${inbound.fulfillment.id} delivered`);
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.activated.v1',
          { type: 'fulfillment', id: f.id },
          {
            fulfillmentId: f.id,
            orderId: f.orderId,
            locationId: f.locationId,
            inboundFulfillmentId: inbound.fulfillment.id,
            dueAt: f.dueAt.toISOString(),
          },
        ),
      );
    }
  }

  /** The transfer will not arrive: its waiting (or already worked) pickup legs are withdrawn. */
  async withdrawAfter(tx: WorkflowTx, inbound: FulfillmentWithLines, reason: string): Promise<void> {
    for (const dependent of await this.repository.lockDependents(tx.manager, inbound.fulfillment.id)) {
      if (!OPEN_STATUSES.includes(dependent.fulfillment.status)) continue;
      const lines = lineQuantities(dependent, activeQuantity);
      await tx.move(dependent, 'cancelled', reason);
      await tx.emit(cancelledEvent(dependent, reason, lines));
    }
  }

  /** Units missing at the transfer's pick will not arrive: the waiting pickup legs shrink by them. */
  async shrinkAfterShortPick(tx: WorkflowTx, inbound: FulfillmentWithLines, shortByLine: ReadonlyMap<string, number>): Promise<void> {
    for (const dependent of await this.repository.lockDependents(tx.manager, inbound.fulfillment.id)) {
      if (dependent.fulfillment.status !== 'pending') continue;
      const removed = new Map<string, number>();
      for (const line of dependent.lines) {
        const cut = Math.min(shortByLine.get(line.orderLineId) ?? 0, activeQuantity(line));
        if (cut <= 0) continue;
        line.cancelledQuantity += cut;
        removed.set(line.id, cut);
      }
      if (removed.size === 0) continue;
      const lines = lineQuantities(dependent, (line) => removed.get(line.id) ?? 0);
      const reason = `inbound transfer ${inbound.fulfillment.id} short-picked`;
      if (dependent.lines.every((line) => activeQuantity(line) === 0)) await tx.move(dependent, 'cancelled', reason);
      else await tx.save(dependent, reason);
      await tx.emit(cancelledEvent(dependent, reason, lines));
    }
  }
}

function windowOf(f: FulfillmentWithLines['fulfillment']): { start: Date; end: Date } | null {
  return f.windowStart && f.windowEnd ? { start: f.windowStart, end: f.windowEnd } : null;
}

export function cancelledEvent(work: FulfillmentWithLines, reason: string, lines: ReturnType<typeof lineQuantities>) {
  const f = work.fulfillment;
  return createEvent(
    'fulfillment.fulfillment.cancelled.v1',
    { type: 'fulfillment', id: f.id },
    { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, reason, lines },
  );
}
