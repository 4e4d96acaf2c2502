import { Injectable, Logger } from '@nestjs/common';
import { createEvent } from '@baton/messaging';
import type { CreateReturnState } from '../authorisation/create-return-state';
import { OrdersClient } from '../peers/orders.client';
import { ReturnLifecycle } from '../return/return-lifecycle';
import type { ExchangeRecord } from '../return/return-records';
import { ReturnsRepository } from '../return/returns.repository';

/** The exchange order's channel order id: derived from the RMA, so a retry places the same order. */
export function exchangeChannelOrderId(rmaNumber: string): string {
  return `${rmaNumber}-EXCHANGE`;
}

/** How the price difference of an exchange is settled. */
export function settleDifference(returnedValueMinor: number, exchangeValueMinor: number): Pick<ExchangeRecord, 'differenceMinor' | 'settlement' | 'settlementMinor' | 'chargedMinor'> {
  const differenceMinor = exchangeValueMinor - returnedValueMinor;
  if (differenceMinor > 0) return { differenceMinor, settlement: 'charge', settlementMinor: differenceMinor, chargedMinor: differenceMinor };
  if (differenceMinor < 0) return { differenceMinor, settlement: 'refund', settlementMinor: -differenceMinor, chargedMinor: 0 };
  return { differenceMinor, settlement: 'even', settlementMinor: 0, chargedMinor: 0 };
}

/**
 * Steps 3 and 4 of creating a return with an exchange. Place: the new order goes through orders'
 * own placement (sourced and reserved at once, or refused — e.g. 409 INSUFFICIENT_STOCK — which
 * fails the saga and cancels the return). Link: the order is recorded on the return with the price
 * difference and `returns.exchange.placed.v1` tells the payment side to charge it (`charge`), or
 * that it is paid out with the refund once the goods are inspected (`refund`).
 * Compensation of the place step: the exchange order is cancelled through orders' CancelOrder
 * (idempotent there: cancelling what is cancelled changes nothing). The placement itself is
 * idempotent by its channel order id, so a retry reuses the order instead of placing a second.
 */
@Injectable()
export class ExchangePlacement {
  private readonly logger = new Logger(ExchangePlacement.name);

  constructor(
    private readonly orders: OrdersClient,
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
  ) {}

  async place(state: CreateReturnState): Promise<void> {
    if (!state.created || state.command.exchangeLines.length === 0) return;
    state.exchangeOrder = await this.orders.placeExchangeOrder({
      original: state.order,
      returnId: state.returnId,
      rmaNumber: state.rmaNumber,
      shipTo: state.shipTo,
      channelOrderId: exchangeChannelOrderId(state.rmaNumber),
      lines: state.command.exchangeLines,
    });
  }

  async abandon(state: CreateReturnState): Promise<void> {
    if (!state.exchangeOrder) return;
    const orderId = state.exchangeOrder.orderId;
    try {
      await this.orders.cancelExchangeOrder(orderId, `return ${state.rmaNumber} failed: ${state.failure ?? 'a later step failed'}`);
    } catch (error) {
      this.logger.error(`Exchange order ${orderId} of failed return ${state.returnId} could not be cancelled: ${String(error)}`);
      throw error;
    }
  }

  async link(state: CreateReturnState): Promise<void> {
    const placed = state.exchangeOrder;
    if (!placed) return;
    const returnedValueMinor = state.returnedValueMinor ?? 0;
    await this.lifecycle.change(state.returnId, async (manager, ret) => {
      const exchange: ExchangeRecord = {
        ...(ret.exchange as ExchangeRecord),
        status: 'placed',
        orderId: placed.orderId,
        returnedValueMinor,
        exchangeValueMinor: placed.totalMinor,
        ...settleDifference(returnedValueMinor, placed.totalMinor),
      };
      await this.repository.updateReturn(manager, ret.id, { exchange });
      return [
        createEvent('returns.exchange.placed.v1', { type: 'return', id: ret.id }, {
          returnId: ret.id,
          orderId: ret.orderId,
          exchangeOrderId: placed.orderId,
          returnedValueMinor,
          exchangeValueMinor: placed.totalMinor,
          settlement: exchange.settlement ?? 'even',
          amountMinor: exchange.settlementMinor,
          currency: ret.currency,
        }),
      ];
    });
  }
}
