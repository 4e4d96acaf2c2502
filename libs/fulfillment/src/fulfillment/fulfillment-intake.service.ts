import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import { carrierStrategyOf } from '../policy/fulfillment-policy';
import { DueTimes } from '../scheduling/due-times.service';
import { FulfillmentLineEntity } from './fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment-order.entity';
import { FulfillmentWorkflow } from './fulfillment-workflow';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';
import { planLegs, type PlannedLeg } from './leg-planning';
import { readPlacedOrder, type PlacedOrder } from './placed-order';

type SourcingEvent = EventEnvelope<'orders.order.placed.v1'> | EventEnvelope<'orders.order.sourced.v1'>;

/**
 * Turns placed orders into work at locations: one fulfilment order per location and delivery leg
 * (see planLegs), each with its priority and due time. Creation happens in the caller's (the
 * inbox's) transaction together with `fulfillment.fulfillment.created.v1` per leg in the outbox,
 * so a redelivered order event can neither create the work twice nor announce it twice.
 */
@Injectable()
export class FulfillmentIntakeService {
  private readonly logger = new Logger(FulfillmentIntakeService.name);

  constructor(
    private readonly repository: FulfillmentsRepository,
    private readonly workflow: FulfillmentWorkflow,
    private readonly policies: FulfillmentPoliciesService,
    private readonly dueTimes: DueTimes,
  ) {}

  /**
   * Creates the legs of newly sourced lines: a placed order, or more of it sourced later
   * (`orders.order.sourced.v1`: re-sourced after a rejection, a backorder filled, a hold released).
   */
  async createForPlacedOrder(placed: SourcingEvent, manager: EntityManager): Promise<FulfillmentWithLines[]> {
    const order = readPlacedOrder(placed.data);
    const { legs, warnings } = planLegs(order);
    for (const warning of warnings) this.logger.warn(`Order ${order.orderId}: ${warning}`);
    const policy = await this.policies.current();
    const now = this.workflow.now();
    const ids = new Map<string, string>();
    const created = legs.map((leg) => {
      const id = randomUUID();
      ids.set(leg.key, id);
      const dependsOnId = leg.dependsOnKey ? (ids.get(leg.dependsOnKey) ?? null) : null;
      const pending = leg.initialStatus === 'pending';
      const dueAt = pending
        ? null
        : this.dueTimes.dueAt({ ...leg, carrierServiceId: leg.carrierServiceId }, now, policy.pickupPrepMinutes);
      return this.build(placed, order, leg, { id, dependsOnId, dueAt, now });
    });
    await this.workflow.inTransaction(async (tx) => {
      await this.repository.insert(tx.manager, created);
      for (const work of created) {
        await this.repository.recordChange(tx.manager, {
          tenantId: placed.tenantId,
          fulfillmentId: work.fulfillment.id,
          fromStatus: null,
          toStatus: work.fulfillment.status,
          reason: `from order event ${placed.id}`,
          principal: null,
          correlationId: placed.correlationId,
          occurredAt: now,
        });
      }
      await tx.emit(...created.map((work) => createdEvent(work)));
    }, manager);
    return created;
  }

  private build(
    placed: SourcingEvent,
    order: PlacedOrder,
    leg: PlannedLeg,
    at: { id: string; dependsOnId: string | null; dueAt: Date | null; now: Date },
  ): FulfillmentWithLines {
    const fulfillment = Object.assign(new FulfillmentOrderEntity(), {
      id: at.id,
      tenantId: placed.tenantId,
      orderId: order.orderId,
      locationId: leg.locationId,
      deliveryMethod: leg.deliveryMethod,
      status: leg.initialStatus,
      sourceEventId: placed.id,
      legType: leg.legType,
      legKey: leg.key,
      destinationLocationId: leg.destinationLocationId,
      dependsOnId: at.dependsOnId,
      priority: leg.priority,
      dueAt: at.dueAt,
      windowStart: leg.window?.start ?? null,
      windowEnd: leg.window?.end ?? null,
      promisedBy: leg.promisedBy ?? null,
      shipTo: leg.legType === 'ship' ? order.shipTo : null,
      currency: order.currency,
      carrierStrategy: carrierStrategyOf(order.carrierStrategy) ?? null,
      rejectReason: null,
      acceptedDay: null,
      lateAt: null,
      pickupCodeHash: null,
      pickupExpiresAt: null,
      arrivedAt: null,
      arrivalNote: null,
      pickListId: null,
      availableAt: leg.initialStatus === 'pending' ? null : at.now,
      createdAt: at.now,
      updatedAt: at.now,
    } satisfies FulfillmentOrderEntity);
    const lines = leg.lines.map((line, index) =>
      Object.assign(new FulfillmentLineEntity(), {
        id: randomUUID(),
        tenantId: placed.tenantId,
        fulfillmentId: fulfillment.id,
        lineNo: index + 1,
        orderLineId: line.lineId,
        sku: line.sku,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        pickedQuantity: 0,
        shortQuantity: 0,
        collectedQuantity: 0,
        cancelledQuantity: 0,
      } satisfies FulfillmentLineEntity),
    );
    return { fulfillment, lines };
  }
}

function createdEvent({ fulfillment, lines }: FulfillmentWithLines): EventEnvelope<'fulfillment.fulfillment.created.v1'> {
  return createEvent(
    'fulfillment.fulfillment.created.v1',
    { type: 'fulfillment', id: fulfillment.id },
    {
      fulfillmentId: fulfillment.id,
      orderId: fulfillment.orderId,
      locationId: fulfillment.locationId,
      deliveryMethod: fulfillment.deliveryMethod,
      lines: lines.map((line) => ({ lineId: line.orderLineId, sku: line.sku, quantity: line.quantity, locationId: fulfillment.locationId })),
      legType: fulfillment.legType,
      status: fulfillment.status,
      ...(fulfillment.destinationLocationId ? { destinationLocationId: fulfillment.destinationLocationId } : {}),
      ...(fulfillment.dependsOnId ? { dependsOnFulfillmentId: fulfillment.dependsOnId } : {}),
      priority: fulfillment.priority,
      ...(fulfillment.dueAt ? { dueAt: fulfillment.dueAt.toISOString() } : {}),
    },
  );
}
