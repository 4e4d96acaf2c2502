import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError, type EventEnvelope } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { FulfillmentLineEntity } from './fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment-order.entity';
import { INITIAL_FULFILLMENT_STATUS } from './fulfillment-state-machine';
import { toFulfillmentContract } from './fulfillment.mapper';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';
import { groupByLocation } from './group-by-location';

/**
 * Turns placed orders into work at locations: one fulfilment order per sourced location. Creation
 * happens in the caller's (the inbox's) transaction together with `fulfillment.fulfillment.created.v1`
 * in the outbox, so a redelivered order event can neither create the work twice nor announce it twice.
 */
@Injectable()
export class FulfillmentsService {
  constructor(
    private readonly repository: FulfillmentsRepository,
    private readonly outbox: Outbox,
  ) {}

  async createForPlacedOrder(
    placed: EventEnvelope<'orders.order.placed.v1'>,
    manager: EntityManager,
  ): Promise<FulfillmentWithLines[]> {
    const { orderId, deliveryMethod } = placed.data;
    const now = new Date();
    const created = groupByLocation(placed.data.lines).map(({ locationId, lines }): FulfillmentWithLines => {
      const fulfillment = Object.assign(new FulfillmentOrderEntity(), {
        id: randomUUID(),
        tenantId: placed.tenantId,
        orderId,
        locationId,
        deliveryMethod,
        status: INITIAL_FULFILLMENT_STATUS,
        sourceEventId: placed.id,
        createdAt: now,
        updatedAt: now,
      } satisfies FulfillmentOrderEntity);
      return {
        fulfillment,
        lines: lines.map((line, index) =>
          Object.assign(new FulfillmentLineEntity(), {
            id: randomUUID(),
            tenantId: placed.tenantId,
            fulfillmentId: fulfillment.id,
            lineNo: index + 1,
            orderLineId: line.lineId,
            sku: line.sku,
            quantity: line.quantity,
          } satisfies FulfillmentLineEntity),
        ),
      };
    });
    await this.repository.insert(manager, created);
    await this.outbox.append(
      manager,
      ...created.map(({ fulfillment, lines }) =>
        createEvent(
          'fulfillment.fulfillment.created.v1',
          { type: 'fulfillment', id: fulfillment.id },
          {
            fulfillmentId: fulfillment.id,
            orderId,
            locationId: fulfillment.locationId,
            deliveryMethod,
            lines: lines.map((line) => ({ lineId: line.orderLineId, sku: line.sku, quantity: line.quantity })),
          },
        ),
      ),
    );
    return created;
  }

  async listOrderFulfillments(orderId: string): Promise<fulfillmentV1.Fulfillment[]> {
    if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
    return (await this.repository.findByOrder(orderId)).map(toFulfillmentContract);
  }
}
