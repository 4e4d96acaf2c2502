import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { assertFulfillmentTransition } from '../fulfillment/fulfillment-state-machine';
import { FulfillmentWorkflow } from '../fulfillment/fulfillment-workflow';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import { FulfillmentsRepository } from '../fulfillment/fulfillments.repository';
import { groupPickList } from './group-pick-list';
import { PickListEntity } from './pick-list.entity';
import { PickListsRepository } from './pick-lists.repository';

const DEFAULT_BATCH = 20;
const MAX_BATCH = 100;

/**
 * Batch picking: accepted work at one location — the next in its queue, or the fulfilments named —
 * is started together (each becomes `picking`) and listed by item. Concurrent pick lists at one
 * location never take the same work: queue rows another transaction holds are skipped, and named
 * rows are locked and must still be accepted.
 */
@Injectable()
export class PickListsService {
  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly fulfillments: FulfillmentsRepository,
    private readonly pickLists: PickListsRepository,
  ) {}

  async create(request: fulfillmentV1.CreatePickListRequest): Promise<fulfillmentV1.PickList> {
    if (!request.locationId) throw new ValidationError([{ field: 'locationId', message: 'locationId is required' }]);
    const max = request.maxFulfillments || DEFAULT_BATCH;
    if (!Number.isInteger(max) || max < 1 || max > MAX_BATCH || request.fulfillmentIds.length > MAX_BATCH) {
      throw new ValidationError([{ field: 'maxFulfillments', message: `a pick list holds 1-${MAX_BATCH} fulfilments` }]);
    }
    const ids = [...new Set(request.fulfillmentIds)];
    return this.workflow.inTransaction(async (tx) => {
      const works = await this.fulfillments.lockForPicking(tx.manager, request.locationId, ids, max);
      const missing = ids.filter((id) => !works.some((w) => w.fulfillment.id === id));
      if (missing.length > 0) throw new FulfillmentError('FULFILLMENT_NOT_FOUND', `No fulfilment order ${missing.join(', ')}`, { fulfillmentIds: missing });
      const elsewhere = works.filter((w) => w.fulfillment.locationId !== request.locationId).map((w) => w.fulfillment.id);
      if (elsewhere.length > 0) {
        throw new FulfillmentError('LOCATION_MISMATCH', `Fulfilments ${elsewhere.join(', ')} are not at location ${request.locationId}`, {
          fulfillmentIds: elsewhere,
        });
      }
      if (works.length === 0) throw new FulfillmentError('NOTHING_TO_PICK', `Location ${request.locationId} has no accepted work to pick`);
      const pickList: PickListEntity = {
        id: randomUUID(),
        tenantId: requireTenant(),
        locationId: request.locationId,
        fulfillmentIds: works.map((w) => w.fulfillment.id),
        createdAt: new Date(),
      };
      await this.pickLists.insert(tx.manager, pickList);
      for (const work of works) {
        const f = work.fulfillment;
        assertFulfillmentTransition(f.status, 'picking', f.legType);
        f.pickListId = pickList.id;
        await tx.move(work, 'picking', `pick list ${pickList.id}`);
        await tx.emit(
          createEvent(
            'fulfillment.fulfillment.picking-started.v1',
            { type: 'fulfillment', id: f.id },
            { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, pickListId: pickList.id },
          ),
        );
      }
      return toPickListContract(pickList, groupPickList(works));
    });
  }

  /** A pick list with what is still to pick of its work. */
  async get(pickListId: string): Promise<fulfillmentV1.PickList> {
    const pickList = pickListId ? await this.pickLists.findOne(pickListId) : undefined;
    if (!pickList) throw new FulfillmentError('PICK_LIST_NOT_FOUND', `No pick list ${pickListId}`, { pickListId });
    const works = (await Promise.all(pickList.fulfillmentIds.map((id) => this.fulfillments.findOne(id)))).filter(
      (w): w is NonNullable<typeof w> => w !== undefined && w.fulfillment.status === 'picking',
    );
    return toPickListContract(pickList, groupPickList(works));
  }
}

function toPickListContract(pickList: PickListEntity, items: fulfillmentV1.PickListItem[]): fulfillmentV1.PickList {
  return {
    id: pickList.id,
    locationId: pickList.locationId,
    fulfillmentIds: pickList.fulfillmentIds,
    items,
    createdAt: pickList.createdAt.toISOString(),
  };
}
