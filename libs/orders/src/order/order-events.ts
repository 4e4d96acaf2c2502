import type { BackorderedLineData, LineQuantityData, OrderLineData, OrderPlacedV1, OrderSourcedV1 } from '@baton/domain';
import { METHOD_PROFILES, isDeliveryMethod } from '../sourcing/delivery-methods';
import { openQuantity, type OrderAllocationEntity } from './order-allocation.entity';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import type { OrderAggregate } from './orders.repository';

/** One reserved part of a line, in the shape fulfillment creates work from. */
export function lineData(order: OrderEntity, line: OrderLineEntity, allocation: OrderAllocationEntity): OrderLineData {
  const data: OrderLineData = {
    lineId: allocation.id,
    orderLineId: line.id,
    sku: line.sku,
    quantity: openQuantity(allocation),
    unitPriceMinor: line.unitPriceMinor,
    currency: order.currency,
    locationId: allocation.locationId,
    deliveryMethod: line.deliveryMethod,
  };
  if (line.destinationLocationId) {
    data.destinationLocationId = line.destinationLocationId;
    if (isDeliveryMethod(line.deliveryMethod) && METHOD_PROFILES[line.deliveryMethod].pickup) data.pickupLocationId = line.destinationLocationId;
  }
  if (order.requestedFrom && order.requestedTo) data.requestedWindow = { from: order.requestedFrom.toISOString(), to: order.requestedTo.toISOString() };
  if (allocation.etaDate) data.promisedBy = allocation.etaDate;
  if (allocation.carrierServiceId) data.carrierServiceId = allocation.carrierServiceId;
  if (line.taxMinor > 0) data.taxMinor = line.taxMinor;
  if (line.discountMinor > 0) data.discountMinor = line.discountMinor;
  return data;
}

export function backorderedData(lines: readonly OrderLineEntity[], reason: string): BackorderedLineData[] {
  return lines
    .filter((line) => line.backorderedQuantity > 0)
    .map((line) => ({
      lineId: line.id,
      sku: line.sku,
      quantity: line.backorderedQuantity,
      ...(line.expectedDate ? { expectedDate: line.expectedDate } : {}),
      reason,
    }));
}

/** `orders.order.placed.v1` for an order: every part still held, and the backordered lines. */
export function placedEventData({ order, lines, allocations }: OrderAggregate): OrderPlacedV1 {
  const lineNo = new Map(lines.map((l) => [l.id, l.lineNo]));
  const held = allocations.filter((a) => openQuantity(a) > 0).sort((a, b) => (lineNo.get(a.lineId) ?? 0) - (lineNo.get(b.lineId) ?? 0));
  const data: OrderPlacedV1 = {
    orderId: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    deliveryMethod: order.deliveryMethod,
    shipTo: order.shipTo ?? { name: '', line1: '', city: '', postalCode: '', country: '' },
    lines: held.map((a) => lineData(order, lines.find((l) => l.id === a.lineId) as OrderLineEntity, a)),
    totalMinor: order.totalMinor,
    currency: order.currency,
    priority: order.priority,
  };
  if (order.customer.phone) data.customerPhone = order.customer.phone;
  if (order.customer.id) data.customerId = order.customer.id;
  if (order.promisedDate) data.promisedBy = order.promisedDate;
  if (order.destinationLocationId) data.destinationLocationId = order.destinationLocationId;
  if (order.requestedFrom && order.requestedTo) data.requestedWindow = { from: order.requestedFrom.toISOString(), to: order.requestedTo.toISOString() };
  if (order.sourcingPreference) data.strategy = order.sourcingPreference;
  if (order.payment) data.paymentReference = order.payment.reference;
  const backordered = backorderedData(lines, 'waiting for inbound supply');
  if (backordered.length > 0) data.backorderedLines = backordered;
  return data;
}

/** `orders.order.sourced.v1` for parts sourced after placement. */
export function sourcedEventData(
  { order, lines }: OrderAggregate,
  parts: readonly OrderAllocationEntity[],
  trigger: string,
  replaces?: LineQuantityData[],
): OrderSourcedV1 {
  const data: OrderSourcedV1 = {
    orderId: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    deliveryMethod: order.deliveryMethod,
    shipTo: order.shipTo,
    currency: order.currency,
    trigger,
    attempt: order.sourcingAttempts,
    lines: parts.map((a) => lineData(order, lines.find((l) => l.id === a.lineId) as OrderLineEntity, a)),
    priority: order.priority,
  };
  if (replaces && replaces.length > 0) data.replaces = replaces;
  return data;
}
