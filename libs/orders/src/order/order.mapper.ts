import type { ordersV1 } from '@baton/contracts';
import type { AddressData } from '@baton/domain';
import { openQuantity, type OrderAllocationEntity } from './order-allocation.entity';
import type { OrderHoldEntity } from './order-hold.entity';
import type { OrderLineEntity } from './order-line.entity';
import { customerStatus } from './order-status';
import type { OrderAggregate } from './orders.repository';

export function toAddress(address: AddressData): ordersV1.Address {
  return {
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
    latitude: address.latitude,
    longitude: address.longitude,
  };
}

function toAllocation(a: OrderAllocationEntity): ordersV1.Allocation {
  return {
    id: a.id,
    locationId: a.locationId,
    quantity: a.quantity,
    status: a.status,
    carrierServiceId: a.carrierServiceId ?? '',
    etaDate: a.etaDate ?? '',
    reservationId: a.reservationId ?? '',
    releasedQuantity: a.releasedQuantity,
    shippedQuantity: a.shippedQuantity,
    completedQuantity: a.completedQuantity,
  };
}

export function toHold(h: OrderHoldEntity): ordersV1.Hold {
  return {
    id: h.id,
    kind: h.kind,
    code: h.code,
    reason: h.reason,
    placedBy: h.placedBy ?? '',
    placedAt: h.placedAt.toISOString(),
    releasedBy: h.releasedBy ?? '',
    releasedAt: h.releasedAt?.toISOString() ?? '',
  };
}

/** Where a line is now: the first part still held, else the first part it ever had. */
function currentLocation(line: OrderLineEntity, allocations: OrderAllocationEntity[]): string {
  const mine = allocations.filter((a) => a.lineId === line.id);
  return (mine.find((a) => openQuantity(a) > 0) ?? mine.find((a) => a.status !== 'released') ?? mine[0])?.locationId ?? '';
}

/** The contract view of an order: what the gRPC surface returns instead of entities. */
export function toOrderContract({ order, lines, allocations, holds }: OrderAggregate): ordersV1.Order {
  return {
    id: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    currency: order.currency,
    deliveryMethod: order.deliveryMethod,
    shipTo: order.shipTo ? toAddress(order.shipTo) : undefined,
    lines: lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      locationId: currentLocation(line, allocations),
      status: line.status,
      taxMinor: line.taxMinor,
      discountMinor: line.discountMinor,
      deliveryMethod: line.deliveryMethod,
      destinationLocationId: line.destinationLocationId ?? undefined,
      cancelledQuantity: line.cancelledQuantity,
      shippedQuantity: line.shippedQuantity,
      deliveredQuantity: line.deliveredQuantity,
      backorderedQuantity: line.backorderedQuantity,
      expectedDate: line.expectedDate ?? undefined,
      allocations: { items: allocations.filter((a) => a.lineId === line.id).map(toAllocation) },
      returnedQuantity: line.returnedQuantity,
    })),
    status: order.status,
    totalMinor: order.totalMinor,
    createdAt: order.createdAt.toISOString(),
    customer: { id: order.customer.id ?? '', name: order.customer.name ?? '', phone: order.customer.phone ?? '' },
    billingAddress: order.billingAddress ? toAddress(order.billingAddress) : undefined,
    destinationLocationId: order.destinationLocationId ?? undefined,
    requestedWindow:
      order.requestedFrom && order.requestedTo
        ? { from: order.requestedFrom.toISOString(), to: order.requestedTo.toISOString() }
        : undefined,
    priority: order.priority,
    sourcingPreference: order.sourcingPreference ?? undefined,
    payment: order.payment
      ? { reference: order.payment.reference, authorisedMinor: order.payment.authorisedMinor, method: order.payment.method ?? '' }
      : undefined,
    attributes: { values: { ...order.attributes } },
    holds: { items: holds.map(toHold) },
    principal: order.principal ?? undefined,
    updatedAt: order.updatedAt.toISOString(),
    customerStatus: customerStatus(order.status, lines, order.promisedDate),
    subtotalMinor: order.subtotalMinor,
    taxMinor: order.taxMinor,
    discountMinor: order.discountMinor,
    refundedMinor: order.refundedMinor,
    promisedDate: order.promisedDate ?? undefined,
    fraudScore: order.fraudScore ?? undefined,
  };
}
