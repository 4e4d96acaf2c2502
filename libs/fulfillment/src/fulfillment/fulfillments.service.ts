import { Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { ShipmentsRepository } from '../shipping/shipments.repository';
import { FULFILLMENT_STATUSES, type FulfillmentStatus } from './fulfillment-state-machine';
import { toFulfillmentContract } from './fulfillment.mapper';
import { FulfillmentError } from './fulfillments.errors';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';

const MAX_QUEUE = 500;
const DEFAULT_QUEUE = 50;

/**
 * The read side of fulfilment orders: an order's work, one fulfilment order, and a location's
 * work queue in the order it should be done (priority, then due time, then age). Returns contract
 * types with packages and shipments, never entities.
 */
@Injectable()
export class FulfillmentsService {
  constructor(
    private readonly repository: FulfillmentsRepository,
    private readonly shipments: ShipmentsRepository,
  ) {}

  async listOrderFulfillments(orderId: string): Promise<fulfillmentV1.Fulfillment[]> {
    if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
    return this.views(await this.repository.findByOrder(orderId));
  }

  async get(fulfillmentId: string): Promise<fulfillmentV1.Fulfillment> {
    if (!fulfillmentId) throw new ValidationError([{ field: 'fulfillmentId', message: 'is required' }]);
    const found = await this.repository.findOne(fulfillmentId);
    if (!found) throw new FulfillmentError('FULFILLMENT_NOT_FOUND', `No fulfilment order ${fulfillmentId}`, { fulfillmentId });
    return this.view(found);
  }

  async queue(request: fulfillmentV1.ListFulfillmentsRequest): Promise<fulfillmentV1.Fulfillment[]> {
    const violations = [];
    if (!request.locationId) violations.push({ field: 'locationId', message: 'locationId is required' });
    const unknown = request.statuses.filter((s) => !(FULFILLMENT_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      violations.push({ field: 'statuses', message: `unknown status ${unknown.join(', ')}; one of ${FULFILLMENT_STATUSES.join(', ')}` });
    }
    if (request.limit < 0 || request.limit > MAX_QUEUE) violations.push({ field: 'limit', message: `limit must be 1-${MAX_QUEUE}` });
    if (violations.length > 0) throw new ValidationError(violations);
    const works = await this.repository.queue({
      locationId: request.locationId,
      statuses: request.statuses as FulfillmentStatus[],
      limit: request.limit || DEFAULT_QUEUE,
      lateOnly: request.lateOnly,
    });
    return this.views(works);
  }

  async view(work: FulfillmentWithLines): Promise<fulfillmentV1.Fulfillment> {
    return (await this.views([work]))[0];
  }

  async views(works: FulfillmentWithLines[]): Promise<fulfillmentV1.Fulfillment[]> {
    const ids = works.map((w) => w.fulfillment.id);
    const [packages, shipments] = await Promise.all([this.repository.findPackages(ids), this.shipments.findByFulfillments(ids)]);
    return works.map((work) => toFulfillmentContract(work, packages, shipments));
  }
}
