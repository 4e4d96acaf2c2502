import type { ordersV1 } from '@baton/contracts';
import type { AddressData } from '@baton/domain';
import type { OrderWithLines } from './orders.repository';

function toAddress(address: AddressData): ordersV1.Address {
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

/** The contract view of an order: what the gRPC surface returns instead of entities. */
export function toOrderContract({ order, lines }: OrderWithLines): ordersV1.Order {
  return {
    id: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    currency: order.currency,
    deliveryMethod: order.deliveryMethod,
    shipTo: toAddress(order.shipTo),
    lines: lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      locationId: line.locationId,
      status: line.status,
    })),
    status: order.status,
    totalMinor: order.totalMinor,
    createdAt: order.createdAt.toISOString(),
  };
}
