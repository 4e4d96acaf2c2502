import { unitsShare } from '../refund/largest-remainder';

/**
 * What the returns service needs to know about an order, as read from the orders service. Built
 * only by the orders client, so the rest of the service does not depend on the shape of the orders
 * contract.
 */
export interface PurchasedLine {
  lineId: string;
  sku: string;
  quantity: number;
  /** Units cancelled before they shipped (refunded by orders' cancellation, not by returns). */
  cancelledQuantity: number;
  status: string;
  /** Units that reached the customer (shipped or collected): the most that can come back. */
  eligibleQuantity: number;
  unitPriceMinor: number;
  /** Discount on the whole line (including its share of order discounts), minor units. */
  discountMinor: number;
  /** Tax on the whole line, minor units. */
  taxMinor: number;
  /** When the line left to the customer, when orders says so; the return window starts there. */
  fulfilledAt: Date | null;
}

export interface PurchasedOrder {
  id: string;
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  currency: string;
  deliveryMethod: string;
  destinationLocationId: string | null;
  status: string;
  /** The shipping charge the customer paid, minor units (orders reports none yet: 0). */
  shippingMinor: number;
  /** What the customer paid for the order after cancellations (orders' total − refunded), minor units. */
  totalPaidMinor: number;
  createdAt: Date;
  lines: PurchasedLine[];
}

/** Units of the line still bought (ordered − cancelled). */
export function activeQuantity(line: PurchasedLine): number {
  return Math.max(0, line.quantity - line.cancelledQuantity);
}

/** The whole line's price after discounts, tax excluded. */
export function lineNetMinor(line: PurchasedLine): number {
  return Math.max(0, line.quantity * line.unitPriceMinor - line.discountMinor);
}

/**
 * What the customer paid for the units of a line still bought, tax included, after discounts —
 * the net and tax spread over the ordered units by largest remainder, as refunds count them.
 */
export function linePaidMinor(line: PurchasedLine): number {
  if (line.quantity <= 0) return 0;
  const active = activeQuantity(line);
  return unitsShare(lineNetMinor(line), line.quantity, 0, active) + unitsShare(Math.max(0, line.taxMinor), line.quantity, 0, active);
}

/** Lines of the order that still count as bought (fully cancelled lines were refunded by orders). */
export function boughtLines(order: PurchasedOrder): PurchasedLine[] {
  return order.lines.filter((line) => activeQuantity(line) > 0);
}

/**
 * What the customer paid for the order: every bought line plus shipping, never more than orders'
 * own total net of what its cancellations refunded. No return refunds beyond it.
 */
export function orderPaidMinor(order: PurchasedOrder): number {
  const fromLines = boughtLines(order).reduce((sum, line) => sum + linePaidMinor(line), 0) + order.shippingMinor;
  return Math.min(fromLines, order.totalPaidMinor);
}
