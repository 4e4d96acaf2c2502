import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { GrpcPeer, SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';
import type { PurchasedOrder } from './purchased-order';

/** Line statuses in which every unit has reached (or is on its way to) the customer. */
export const RETURNABLE_LINE_STATUSES = ['shipped', 'delivered', 'collected', 'partially_returned', 'returned', 'completed'];

export interface ExchangeOrderRequest {
  original: PurchasedOrder;
  returnId: string;
  rmaNumber: string;
  shipTo: ordersV1.Address | undefined;
  channelOrderId: string;
  lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>;
}

/**
 * The returns service's only way to orders: its gRPC API, through the platform's GrpcPeer, so the
 * tenant and correlation id travel with every call and orders' refusals keep their kind and code.
 * It also translates the orders contract into {@link PurchasedOrder}, the one place that knows its
 * shape.
 */
@Injectable()
export class OrdersClient implements OnModuleDestroy {
  private readonly peer: GrpcPeer<ordersV1.OrdersServiceClient>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const address = config.peers.orders;
    if (!address) throw new Error('The returns service needs the orders gRPC address (ORDERS_GRPC_URL)');
    this.peer = new GrpcPeer<ordersV1.OrdersServiceClient>('orders', address, config.grpcTimeoutMs);
  }

  /** The order as orders knows it now; ORDER_NOT_FOUND (404) passes through unchanged. */
  async getOrder(orderId: string): Promise<{ order: PurchasedOrder; shipTo: ordersV1.Address | undefined }> {
    const response = await this.peer.call('getOrder', { orderId });
    if (!response.order) throw new Error(`Orders answered GetOrder ${orderId} without an order`);
    return { order: toPurchasedOrder(response.order), shipTo: response.order.shipTo };
  }

  /**
   * Places the exchange order: sourced and reserved at once by orders' placement, idempotent by
   * (channel, channel order id), so a retry of the same exchange is the same order.
   */
  async placeExchangeOrder(request: ExchangeOrderRequest): Promise<{ orderId: string; totalMinor: number }> {
    const { original } = request;
    const response = await this.peer.call('placeOrder', {
      channel: original.channel,
      channelOrderId: request.channelOrderId,
      customerEmail: original.customerEmail,
      currency: original.currency,
      deliveryMethod: original.deliveryMethod === 'mixed' ? 'ship_to_address' : original.deliveryMethod,
      shipTo: request.shipTo,
      destinationLocationId: original.destinationLocationId ?? undefined,
      lines: request.lines,
      attributes: { values: { exchangeForOrderId: original.id, returnId: request.returnId, rmaNumber: request.rmaNumber } },
    });
    if (!response.order) throw new Error(`Orders answered PlaceOrder ${request.channelOrderId} without an order`);
    return { orderId: response.order.id, totalMinor: response.order.totalMinor };
  }

  /**
   * Cancels an exchange order whose return failed (saga compensation). Orders refuses what already
   * shipped; that refusal passes through.
   */
  async cancelExchangeOrder(orderId: string, reason: string): Promise<void> {
    await this.peer.call('cancelOrder', { orderId, lines: [], reason });
  }

  onModuleDestroy(): void {
    this.peer.close();
  }
}

/**
 * Units of a line that reached the customer: what orders counts as shipped or, for collection,
 * delivered (collected), never more than was not cancelled. An orders service that reports no
 * quantities is read by line status: a line in a status past shipping counts in full.
 */
export function eligibleQuantity(line: ordersV1.OrderLine): number {
  const active = Math.max(0, line.quantity - (line.cancelledQuantity ?? 0));
  if (line.shippedQuantity !== undefined || line.deliveredQuantity !== undefined) {
    return Math.min(active, Math.max(line.shippedQuantity ?? 0, line.deliveredQuantity ?? 0));
  }
  return RETURNABLE_LINE_STATUSES.includes(line.status) ? active : 0;
}

/** The orders contract as the returns service reads it. */
export function toPurchasedOrder(order: ordersV1.Order): PurchasedOrder {
  return {
    id: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    currency: order.currency,
    deliveryMethod: order.deliveryMethod,
    destinationLocationId: order.destinationLocationId || null,
    status: order.status,
    shippingMinor: 0,
    totalPaidMinor: Math.max(0, order.totalMinor - (order.refundedMinor ?? 0)),
    createdAt: new Date(order.createdAt),
    lines: order.lines.map((line) => ({
      lineId: line.id,
      sku: line.sku,
      quantity: line.quantity,
      cancelledQuantity: line.cancelledQuantity ?? 0,
      status: line.status,
      eligibleQuantity: eligibleQuantity(line),
      unitPriceMinor: line.unitPriceMinor,
      discountMinor: line.discountMinor ?? 0,
      taxMinor: line.taxMinor ?? 0,
      fulfilledAt: null,
    })),
  };
}
