import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { returnsV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { Violations } from '../authorisation/create-return.validation';
import { InventoryClient } from '../peers/inventory.client';
import { historyEntry, ReturnLifecycle, type ReturnChange } from '../return/return-lifecycle';
import { ReturnReceiptEntity } from '../return/return-receipt.entity';
import { assertReturnTransition } from '../return/return-state-machine';
import { ReturnUnitEntity } from '../return/return-unit.entity';
import type { ReturnEntity } from '../return/return.entity';
import { ReturnsError } from '../return/returns.errors';
import { ReturnsRepository } from '../return/returns.repository';
import { validateReceiveReturn, type ReceiveReturnCommand } from './receive-return.validation';

/**
 * Goods on their way and goods arriving. A receipt may come in at any active location that
 * accepts returns — not only the one named at authorisation — and in several parts; each unit is
 * recorded with where and in which receipt it arrived. A line never receives more than it
 * authorised (items beyond that, and items not on the return, are recorded as unexpected), and
 * repeating a receipt id records nothing new, so a scanner retrying is harmless.
 */
@Injectable()
export class ReturnReceivingService {
  constructor(
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
    private readonly locations: InventoryClient,
  ) {}

  async markInTransit(request: returnsV1.MarkInTransitRequest): Promise<returnsV1.Return> {
    const v = new Violations();
    v.text('returnId', request.returnId, 64);
    const carrier = v.text('carrier', request.carrier, 64, false);
    const trackingNumber = v.text('trackingNumber', request.trackingNumber, 64, false);
    v.throwIfAny('The request is invalid');
    return this.lifecycle.change(request.returnId, async (manager, ret) => {
      await this.lifecycle.transition(manager, ret, 'in_transit', carrier ? `handed to ${carrier}` : 'handed to a carrier');
      await this.repository.updateReturn(manager, ret.id, { carrier: carrier || null, trackingNumber: trackingNumber || null });
      return [
        createEvent('returns.return.in-transit.v1', { type: 'return', id: ret.id }, { returnId: ret.id, orderId: ret.orderId, carrier, trackingNumber }),
      ];
    });
  }

  async receiveReturn(request: returnsV1.ReceiveReturnRequest): Promise<returnsV1.Return> {
    const command = validateReceiveReturn(request);
    await this.locations.assertAcceptsReturns(command.locationId, 'locationId');
    return this.lifecycle.change(command.returnId, (manager, ret) => this.receive(manager, ret, command));
  }

  private async receive(manager: EntityManager, ret: ReturnEntity, command: ReceiveReturnCommand): Promise<ReturnChange> {
    if (ret.status !== 'received') assertReturnTransition(ret.id, ret.status, 'received');
    const now = new Date();
    const receipt = Object.assign(new ReturnReceiptEntity(), {
      tenantId: requireTenant(),
      returnId: ret.id,
      receiptId: command.receiptId,
      locationId: command.locationId,
      receivedAt: now,
    });
    if (!(await this.repository.claimReceipt(manager, receipt))) return [];

    const lines = await this.repository.linesOf(manager, ret.id);
    const byOrderLine = new Map(lines.map((line) => [line.orderLineId, line]));
    const unknown = command.lines.flatMap((line, index) =>
      byOrderLine.has(line.lineId) ? [] : [{ field: `lines[${index}].lineId`, message: 'is not a line of this return; record it as unexpected' }],
    );
    if (unknown.length > 0) throw new ValidationError(unknown, 'The receipt is invalid');
    const exceeding = command.lines.filter((line) => {
      const authorised = byOrderLine.get(line.lineId)!;
      return line.quantity > authorised.quantity - authorised.receivedQuantity;
    });
    if (exceeding.length > 0) {
      throw new ReturnsError('RECEIPT_EXCEEDS_AUTHORISED', 'More units than the return authorised; record the extra ones as unexpected', {
        returnId: ret.id,
        lines: exceeding.map((line) => {
          const authorised = byOrderLine.get(line.lineId)!;
          return { lineId: line.lineId, received: line.quantity, outstanding: authorised.quantity - authorised.receivedQuantity };
        }),
      });
    }

    let seq = await this.repository.nextUnitSeq(manager, ret.id);
    const unit = (fields: Pick<ReturnUnitEntity, 'orderLineId' | 'sku' | 'unexpected' | 'note'>): ReturnUnitEntity =>
      Object.assign(new ReturnUnitEntity(), {
        id: randomUUID(),
        tenantId: requireTenant(),
        returnId: ret.id,
        seq: seq++,
        ...fields,
        received: true,
        receiptId: command.receiptId,
        locationId: command.locationId,
        grade: null,
        disposition: null,
        targetLocationId: null,
        receivedAt: now,
        inspectedAt: null,
        disposedAt: null,
      } satisfies ReturnUnitEntity);
    const units = [
      ...command.lines.flatMap((line) => {
        const sku = byOrderLine.get(line.lineId)!.sku;
        return Array.from({ length: line.quantity }, () => unit({ orderLineId: line.lineId, sku, unexpected: false, note: '' }));
      }),
      ...command.unexpected.flatMap((item) =>
        Array.from({ length: item.quantity }, () => unit({ orderLineId: null, sku: item.sku, unexpected: true, note: item.note })),
      ),
    ];
    await this.repository.insertUnits(manager, units);
    for (const line of command.lines) await this.repository.addReceivedQuantity(manager, byOrderLine.get(line.lineId)!.id, line.quantity);
    await this.repository.updateReturn(manager, ret.id, { receivedLocationId: command.locationId });

    const received = new Map(command.lines.map((line) => [line.lineId, line.quantity]));
    const partial = lines.some((line) => line.receivedQuantity + (received.get(line.orderLineId) ?? 0) < line.quantity);
    const summary = `receipt ${command.receiptId} at location ${command.locationId}: ${units.length} unit(s)${partial ? ', more expected' : ''}`;
    if (ret.status === 'received') {
      await this.repository.recordHistory(manager, [historyEntry(ret.id, 'received', 'received', summary, now)]);
    } else {
      await this.lifecycle.transition(manager, ret, 'received', summary);
    }
    return [
      createEvent('returns.return.received.v1', { type: 'return', id: ret.id }, {
        returnId: ret.id,
        orderId: ret.orderId,
        receiptId: command.receiptId,
        locationId: command.locationId,
        lines: command.lines.map((line) => ({ lineId: line.lineId, sku: byOrderLine.get(line.lineId)!.sku, quantity: line.quantity })),
        unexpected: command.unexpected.map(({ sku, quantity }) => ({ sku, quantity })),
        partial,
      }),
    ];
  }
}
