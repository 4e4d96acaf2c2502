import type { returnsV1 } from '@baton/contracts';
import type { ReturnAggregate } from './returns.repository';

/** The contract view of a return: what the gRPC surface returns instead of entities. */
export function toReturnContract({ ret, lines, units, history, refund }: ReturnAggregate): returnsV1.Return {
  return {
    id: ret.id,
    rmaNumber: ret.rmaNumber,
    orderId: ret.orderId,
    status: ret.status,
    method: ret.method,
    locationId: ret.locationId ?? '',
    createdBy: ret.createdBy,
    reference: ret.reference ?? '',
    currency: ret.currency,
    customerEmail: ret.customerEmail,
    refundMode: ret.refundMode,
    noRefundReason: ret.noRefundReason ?? '',
    lines: lines.map((line) => ({
      id: line.id,
      orderLineId: line.orderLineId,
      sku: line.sku,
      quantity: line.quantity,
      receivedQuantity: line.receivedQuantity,
      reasonCode: line.reasonCode,
      note: line.note,
    })),
    units: units.map((unit) => ({
      id: unit.id,
      orderLineId: unit.orderLineId ?? '',
      sku: unit.sku,
      unexpected: unit.unexpected,
      received: unit.received,
      receiptId: unit.receiptId ?? '',
      locationId: unit.locationId ?? '',
      grade: unit.grade ?? '',
      disposition: unit.disposition ?? '',
      targetLocationId: unit.targetLocationId ?? '',
      note: unit.note,
    })),
    label: ret.label ?? undefined,
    refund: refund
      ? {
          id: refund.id,
          status: refund.status,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          lines: refund.breakdown.lines.map((line) => ({ ...line })),
          merchandiseMinor: refund.breakdown.merchandiseMinor,
          taxMinor: refund.breakdown.taxMinor,
          shippingMinor: refund.breakdown.shippingMinor,
          restockingFeeMinor: refund.breakdown.restockingFeeMinor,
          exchangeAppliedMinor: refund.breakdown.exchangeAppliedMinor,
          outstandingMinor: refund.breakdown.outstandingMinor,
          paymentReference: refund.paymentReference ?? '',
          message: refund.message ?? '',
          requestedAt: refund.requestedAt.toISOString(),
          settledAt: refund.settledAt?.toISOString() ?? '',
        }
      : undefined,
    exchange: ret.exchange
      ? {
          orderId: ret.exchange.orderId ?? '',
          returnedValueMinor: ret.exchange.returnedValueMinor,
          exchangeValueMinor: ret.exchange.exchangeValueMinor,
          differenceMinor: ret.exchange.differenceMinor,
          settlement: ret.exchange.settlement ?? '',
          settlementMinor: ret.exchange.settlementMinor,
        }
      : undefined,
    history: history.map((change) => ({
      fromStatus: change.fromStatus ?? '',
      toStatus: change.toStatus,
      reason: change.reason,
      principal: change.principal ?? '',
      occurredAt: change.occurredAt.toISOString(),
    })),
    carrier: ret.carrier ?? '',
    trackingNumber: ret.trackingNumber ?? '',
    createdAt: ret.createdAt.toISOString(),
    updatedAt: ret.updatedAt.toISOString(),
  };
}
