import { Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import type { FulfillmentPolicy } from '../policy/fulfillment-policy';
import { FINAL_STATUSES, assertFulfillmentTransition } from './fulfillment-state-machine';
import { FulfillmentWorkflow, lineQuantities, uncollectedQuantity, type WorkflowTx } from './fulfillment-workflow';
import { FulfillmentError } from './fulfillments.errors';
import type { FulfillmentWithLines } from './fulfillments.repository';
import { FulfillmentsService } from './fulfillments.service';
import { hashPickupCode, newPickupCode, pickupCodeMatches } from './pickup-code';

/**
 * Click-and-collect and curbside at the location: ready for pickup (a code is issued and sent to
 * the customer only in `…ready-for-pickup.v1`; only its hash is kept), hand-over against the code
 * (all or part of the goods), the curbside customer's arrival, and expiry of uncollected goods
 * after the tenant's limit (their reservations are released by inventory on `…expired.v1`).
 */
@Injectable()
export class PickupService {
  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly fulfillments: FulfillmentsService,
    private readonly policies: FulfillmentPoliciesService,
  ) {}

  async markReady(fulfillmentId: string): Promise<fulfillmentV1.Fulfillment> {
    const policy = await this.policies.current();
    const work = await this.workflow.onFulfillment(fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      assertFulfillmentTransition(f.status, 'ready_for_pickup', f.legType);
      const code = newPickupCode();
      const now = this.workflow.now();
      f.pickupCodeHash = hashPickupCode(f.id, code);
      f.pickupExpiresAt = new Date(now.getTime() + policy.pickupExpiryHours * 3_600_000);
      await tx.move(work, 'ready_for_pickup');
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.ready-for-pickup.v1',
          { type: 'fulfillment', id: f.id },
          {
            fulfillmentId: f.id,
            orderId: f.orderId,
            locationId: f.locationId,
            pickupCode: code,
            expiresAt: f.pickupExpiresAt.toISOString(),
            lines: lineQuantities(work, uncollectedQuantity),
            deliveryMethod: f.deliveryMethod,
          },
        ),
      );
      return work;
    });
    return this.fulfillments.view(work);
  }

  /**
   * Hands goods over once the customer shows the right code; a wrong code changes nothing. Without
   * lines everything still waiting is handed over; with lines only those units (partial collection:
   * the rest keeps waiting until collected or expired).
   */
  async handOver(request: fulfillmentV1.HandOverRequest): Promise<fulfillmentV1.Fulfillment> {
    const work = await this.workflow.onFulfillment(request.fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      if (f.status !== 'ready_for_pickup') assertFulfillmentTransition(f.status, 'collected', f.legType);
      if (!pickupCodeMatches(f.id, request.pickupCode ?? '', f.pickupCodeHash)) {
        throw new FulfillmentError('PICKUP_CODE_INVALID', 'The pickup code is not the one issued for this order', {
          fulfillmentId: f.id,
        });
      }
      const handed = this.handedQuantities(work, request.lines);
      for (const line of work.lines) line.collectedQuantity += handed.get(line.orderLineId) ?? 0;
      const complete = work.lines.every((line) => uncollectedQuantity(line) === 0);
      if (complete) await tx.move(work, 'collected');
      else await tx.save(work, 'partly collected');
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.collected.v1',
          { type: 'fulfillment', id: f.id },
          {
            fulfillmentId: f.id,
            orderId: f.orderId,
            locationId: f.locationId,
            lines: lineQuantities(work, (line) => handed.get(line.orderLineId) ?? 0),
            complete,
            ...(f.dependsOnId ? { inboundFulfillmentId: f.dependsOnId } : {}),
          },
        ),
      );
      return work;
    });
    return this.fulfillments.view(work);
  }

  private handedQuantities(work: FulfillmentWithLines, lines: fulfillmentV1.PickedLine[]): Map<string, number> {
    if (lines.length === 0) return new Map(work.lines.map((line) => [line.orderLineId, uncollectedQuantity(line)]));
    const handed = new Map<string, number>();
    lines.forEach((entry, index) => {
      const line = work.lines.find((l) => l.orderLineId === entry.lineId);
      if (!line) throw new FulfillmentError('UNKNOWN_LINE', `Line ${entry.lineId} is not part of this fulfilment`, { lineId: entry.lineId });
      if (!Number.isInteger(entry.quantity) || entry.quantity < 1 || handed.has(entry.lineId)) {
        throw new ValidationError([{ field: `lines.${index}.quantity`, message: 'quantity must be an integer ≥ 1, once per line' }]);
      }
      if (entry.quantity > uncollectedQuantity(line)) {
        throw new FulfillmentError('QUANTITY_EXCEEDED', `Line ${entry.lineId} has only ${uncollectedQuantity(line)} waiting`, {
          lineId: entry.lineId,
          requested: entry.quantity,
          waiting: uncollectedQuantity(line),
        });
      }
      handed.set(entry.lineId, entry.quantity);
    });
    return handed;
  }

  /** A curbside customer is outside: recorded on the pickup and announced to the store. */
  async recordArrival(fulfillmentId: string, note: string): Promise<fulfillmentV1.Fulfillment> {
    const text = (note ?? '').trim();
    if (text.length > 200) throw new ValidationError([{ field: 'note', message: 'note must be at most 200 characters' }]);
    const work = await this.workflow.onFulfillment(fulfillmentId, async (work, tx) => {
      const f = work.fulfillment;
      if (f.legType !== 'pickup' || FINAL_STATUSES.includes(f.status)) {
        throw new FulfillmentError('ILLEGAL_TRANSITION', `A ${f.legType} fulfilment in status ${f.status} has no customer to arrive`, {
          from: f.status,
          reason: f.legType !== 'pickup' ? 'WRONG_LEG' : 'FINAL_STATUS',
        });
      }
      f.arrivedAt = this.workflow.now();
      f.arrivalNote = text || null;
      await tx.save(work, `customer arrived${text ? `: ${text}` : ''}`);
      await tx.emit(
        createEvent(
          'fulfillment.fulfillment.customer-arrived.v1',
          { type: 'fulfillment', id: f.id },
          { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, arrivedAt: f.arrivedAt.toISOString(), note: text },
        ),
      );
      return work;
    });
    return this.fulfillments.view(work);
  }

  /** Expires an uncollected pickup (the timer's work): what still waits goes back to stock. */
  async expireInTx(tx: WorkflowTx, work: FulfillmentWithLines, policy: FulfillmentPolicy): Promise<void> {
    const f = work.fulfillment;
    const lines = lineQuantities(work, uncollectedQuantity);
    await tx.move(work, 'expired', `not collected by ${f.pickupExpiresAt?.toISOString()}`);
    await tx.emit(
      createEvent(
        'fulfillment.fulfillment.expired.v1',
        { type: 'fulfillment', id: f.id },
        {
          fulfillmentId: f.id,
          orderId: f.orderId,
          locationId: f.locationId,
          lines,
          policy: policy.onPickupExpiry,
          ...(f.dependsOnId ? { inboundFulfillmentId: f.dependsOnId } : {}),
        },
      ),
    );
  }
}
