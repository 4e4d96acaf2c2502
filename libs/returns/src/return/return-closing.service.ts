import { Injectable } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { createEvent } from '@baton/messaging';
import { Violations } from '../authorisation/create-return.validation';
import { OrdersClient } from '../peers/orders.client';
import type { ExchangeRecord } from './return-records';
import { ReturnLifecycle } from './return-lifecycle';
import type { ReturnEntity } from './return.entity';
import { ReturnsError } from './returns.errors';
import { ReturnsRepository } from './returns.repository';
import type { EntityManager } from 'typeorm';

/**
 * Ends a return without completing it. Cancel: only before anything arrived (authorised or in
 * transit) — its quantities become returnable again; a return whose exchange order is still open
 * is refused until that order is cancelled. Reject: only after the goods were seen (received or
 * inspected) — no refund, nothing restocked.
 */
@Injectable()
export class ReturnClosingService {
  constructor(
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
    private readonly orders: OrdersClient,
  ) {}

  async cancelReturn(request: returnsV1.CancelReturnRequest): Promise<returnsV1.Return> {
    const reason = requiredReason(request.returnId, request.reason);
    const current = await this.lifecycle.current(request.returnId);
    if (current.exchange?.orderId) {
      const { order } = await this.orders.getOrder(current.exchange.orderId);
      if (order.status !== 'cancelled') {
        throw new ReturnsError('EXCHANGE_ORDER_OPEN', `Cancel exchange order ${order.id} before the return`, {
          returnId: request.returnId,
          exchangeOrderId: order.id,
          exchangeOrderStatus: order.status,
        });
      }
    }
    return this.lifecycle.change(request.returnId, (manager, ret) => this.cancel(manager, ret, reason));
  }

  /**
   * Compensation of a creation that failed after the return was authorised (the exchange order
   * could not be placed): the return is cancelled with the cause, so its quantities are free again.
   * Idempotent: a return that is already cancelled stays as it is.
   */
  async cancelAfterFailedCreation(returnId: string, cause: string): Promise<void> {
    await this.lifecycle.change(returnId, async (manager, ret) => {
      if (ret.status === 'cancelled') return [];
      if (ret.exchange) {
        const exchange: ExchangeRecord = { ...ret.exchange, status: 'failed', failure: cause };
        await this.repository.updateReturn(manager, ret.id, { exchange });
      }
      return this.cancel(manager, ret, `creation failed: ${cause}`);
    });
  }

  async rejectReturn(request: returnsV1.RejectReturnRequest): Promise<returnsV1.Return> {
    const reason = requiredReason(request.returnId, request.reason);
    return this.lifecycle.change(request.returnId, async (manager, ret) => {
      await this.lifecycle.transition(manager, ret, 'rejected', reason);
      return [createEvent('returns.return.rejected.v1', { type: 'return', id: ret.id }, { returnId: ret.id, orderId: ret.orderId, reason })];
    });
  }

  private async cancel(manager: EntityManager, ret: ReturnEntity, reason: string) {
    await this.lifecycle.transition(manager, ret, 'cancelled', reason);
    return [createEvent('returns.return.cancelled.v1', { type: 'return', id: ret.id }, { returnId: ret.id, orderId: ret.orderId, reason })];
  }
}

function requiredReason(returnId: string, reason: string): string {
  const v = new Violations();
  if (!returnId) v.add('returnId', 'is required');
  const text = v.text('reason', reason, 500);
  v.throwIfAny('The request is invalid');
  return text;
}
