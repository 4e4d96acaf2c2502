import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { boughtLines, lineNetMinor, orderPaidMinor, type PurchasedOrder } from '../peers/purchased-order';
import type { ReturnPolicy } from '../policy/return-policy';
import type { ReturnLineEntity } from '../return/return-line.entity';
import type { ReturnUnitEntity } from '../return/return-unit.entity';
import type { ReturnEntity } from '../return/return.entity';
import type { RefundBreakdown } from '../return/return-records';
import { OrderAccountsRepository } from './order-accounts.repository';
import { calculateRefund, shippingToRefund, type RefundLineInput } from './refund-calculator';
import { RefundEntity, type RefundStatus } from './refund.entity';
import { RefundsRepository } from './refunds.repository';

export interface SettlementInput {
  ret: ReturnEntity;
  lines: readonly ReturnLineEntity[];
  units: readonly ReturnUnitEntity[];
  order: PurchasedOrder;
  policy: ReturnPolicy;
}

const EMPTY_BREAKDOWN: RefundBreakdown = {
  lines: [],
  merchandiseMinor: 0,
  taxMinor: 0,
  shippingMinor: 0,
  restockingFeeMinor: 0,
  creditMinor: 0,
  exchangeAppliedMinor: 0,
  outstandingMinor: 0,
  amountMinor: 0,
};

/**
 * The money of a completed return, decided in the return's transaction under the order's lock:
 * which units are refunded (received, of a refundable grade), at the price paid for them (see
 * {@link calculateRefund}), with shipping and restocking fee by policy, set against an exchange
 * order if there is one. The credit is booked on the order's account, whose database constraint
 * refuses any credit beyond what was paid across all returns of the order. A refund to pay out is
 * requested from the payment side with `returns.refund.requested.v1`; a return with refund mode
 * `none` (lost-parcel claim, goodwill) records that nothing is paid.
 */
@Injectable()
export class RefundSettlement {
  constructor(
    private readonly accounts: OrderAccountsRepository,
    private readonly refunds: RefundsRepository,
  ) {}

  async settle(manager: EntityManager, input: SettlementInput): Promise<{ amountMinor: number; events: EventEnvelope[] }> {
    const { ret } = input;
    const now = new Date();
    const refund = Object.assign(new RefundEntity(), {
      id: randomUUID(),
      tenantId: requireTenant(),
      returnId: ret.id,
      orderId: ret.orderId,
      status: 'not_requested' as RefundStatus,
      amountMinor: 0,
      currency: ret.currency,
      breakdown: EMPTY_BREAKDOWN,
      paymentReference: null,
      message: ret.refundMode === 'none' ? `no refund: ${ret.noRefundReason ?? ''}` : null,
      requestedAt: now,
      settledAt: null,
    } satisfies RefundEntity);
    if (ret.refundMode === 'none') {
      await this.refunds.insert(manager, refund);
      return { amountMinor: 0, events: [] };
    }

    const breakdown = await this.compute(manager, input);
    refund.breakdown = breakdown;
    refund.amountMinor = breakdown.amountMinor;
    refund.status = breakdown.amountMinor > 0 ? 'requested' : 'not_requested';
    if (breakdown.amountMinor === 0) refund.message = 'nothing to pay out';
    await this.refunds.insert(manager, refund);
    if (refund.status !== 'requested') return { amountMinor: 0, events: [] };
    return {
      amountMinor: refund.amountMinor,
      events: [
        createEvent('returns.refund.requested.v1', { type: 'return', id: ret.id }, {
          refundId: refund.id,
          returnId: ret.id,
          orderId: ret.orderId,
          amountMinor: refund.amountMinor,
          currency: ret.currency,
          merchandiseMinor: breakdown.merchandiseMinor,
          taxMinor: breakdown.taxMinor,
          shippingMinor: breakdown.shippingMinor,
          restockingFeeMinor: breakdown.restockingFeeMinor,
          exchangeAppliedMinor: breakdown.exchangeAppliedMinor,
          lines: breakdown.lines.map((line) => ({
            lineId: line.orderLineId,
            quantity: line.quantity,
            merchandiseMinor: line.merchandiseMinor,
            taxMinor: line.taxMinor,
          })),
        }),
      ],
    };
  }

  private async compute(manager: EntityManager, { ret, lines, units, order, policy }: SettlementInput): Promise<RefundBreakdown> {
    const paidMinor = orderPaidMinor(order);
    const account = await this.accounts.lock(manager, order.id, order.currency, paidMinor);
    const credited = new Map((await this.accounts.lineCredits(manager, order.id)).map((c) => [c.lineId, c.creditedUnits]));
    const refundable = new Set<string>(policy.refundableGrades);
    const accepted = new Map<string, number>();
    for (const unit of units) {
      if (unit.unexpected || !unit.received || unit.orderLineId === null || !refundable.has(unit.grade ?? '')) continue;
      accepted.set(unit.orderLineId, (accepted.get(unit.orderLineId) ?? 0) + 1);
    }
    const fault = new Map(lines.map((line) => [line.orderLineId, line.merchantFault]));
    const refundLines: RefundLineInput[] = order.lines.flatMap((line) => {
      const count = accepted.get(line.lineId) ?? 0;
      if (count === 0) return [];
      const creditedUnits = Math.min(credited.get(line.lineId) ?? 0, line.quantity);
      return [
        {
          lineId: line.lineId,
          orderedQuantity: line.quantity,
          netMinor: lineNetMinor(line),
          taxMinor: line.taxMinor,
          creditedUnits,
          units: Math.min(count, line.quantity - creditedUnits),
          merchantFault: fault.get(line.lineId) ?? false,
        },
      ];
    });
    const fullyReturned = boughtLines(order).every((line) => {
      const now = refundLines.find((r) => r.lineId === line.lineId)?.units ?? 0;
      return (credited.get(line.lineId) ?? 0) + now >= line.quantity;
    });
    const shippingMinor = shippingToRefund(policy.shippingRefund, {
      orderShippingMinor: order.shippingMinor,
      shippingRefundedMinor: account.shippingRefundedMinor,
      merchantFault: refundLines.some((line) => line.units > 0 && line.merchantFault),
      fullyReturned,
    });
    const exchange = ret.exchange?.status === 'placed' ? ret.exchange : null;
    const result = calculateRefund({
      lines: refundLines,
      restockingFeeBps: policy.restockingFeeBps,
      waiveRestockingFee: exchange !== null,
      shippingMinor,
      paidMinor,
      alreadyCreditedMinor: account.creditedMinor,
      exchange: exchange ? { valueMinor: exchange.exchangeValueMinor, chargedMinor: exchange.chargedMinor } : undefined,
    });
    await this.accounts.credit(
      manager,
      order.id,
      paidMinor,
      result.creditMinor,
      shippingMinor,
      result.lines.map((line) => ({
        lineId: line.lineId,
        orderedQuantity: refundLines.find((r) => r.lineId === line.lineId)?.orderedQuantity ?? line.quantity,
        units: line.quantity,
        minor: line.merchandiseMinor + line.taxMinor,
      })),
    );
    return {
      lines: result.lines.map((line) => ({
        orderLineId: line.lineId,
        quantity: line.quantity,
        merchandiseMinor: line.merchandiseMinor,
        taxMinor: line.taxMinor,
      })),
      merchandiseMinor: result.merchandiseMinor,
      taxMinor: result.taxMinor,
      shippingMinor: result.shippingMinor,
      restockingFeeMinor: result.restockingFeeMinor,
      creditMinor: result.creditMinor,
      exchangeAppliedMinor: result.exchangeAppliedMinor,
      outstandingMinor: result.outstandingMinor,
      amountMinor: result.amountMinor,
    };
  }
}
