import { METHOD_PROFILES, isDeliveryMethod } from '../sourcing/delivery-methods';
import type { OrderLineStatus, OrderStatus } from './order-state-machine';

/** The quantities of a line its status follows from. */
export interface LineProgress {
  status: OrderLineStatus;
  deliveryMethod: string;
  quantity: number;
  cancelledQuantity: number;
  shippedQuantity: number;
  readyQuantity: number;
  deliveredQuantity: number;
  returnedQuantity: number;
  backorderedQuantity: number;
}

/** Collection methods end with a hand-over at a store rather than a delivery. */
export function isCollection(deliveryMethod: string): boolean {
  return deliveryMethod === 'ship_to_store' || (isDeliveryMethod(deliveryMethod) && METHOD_PROFILES[deliveryMethod].pickup);
}

/**
 * A line's status from its quantities: what is cancelled, out (shipped, or collected), ready,
 * delivered, returned and backordered. `completed` is set only by closing the order and stays
 * until something is returned.
 */
export function deriveLineStatus(line: LineProgress): OrderLineStatus {
  const active = line.quantity - line.cancelledQuantity;
  if (active <= 0) return 'cancelled';
  if (line.returnedQuantity > 0) return line.returnedQuantity >= active ? 'returned' : 'partially_returned';
  if (line.status === 'completed') return 'completed';
  const collection = isCollection(line.deliveryMethod);
  if (line.deliveredQuantity >= active) return collection ? 'collected' : 'delivered';
  if (!collection && line.shippedQuantity >= active) return 'shipped';
  if (line.shippedQuantity > 0 || line.deliveredQuantity > 0) return 'partially_shipped';
  if (collection && line.readyQuantity >= active) return 'ready_for_pickup';
  if (line.backorderedQuantity > 0) return 'backordered';
  if (line.cancelledQuantity > 0) return 'partially_cancelled';
  return 'sourced';
}

const OUT: readonly OrderLineStatus[] = ['shipped', 'delivered', 'collected', 'completed'];
const DONE: readonly OrderLineStatus[] = ['delivered', 'collected', 'completed'];
const MOVING: readonly OrderLineStatus[] = ['partially_shipped', 'shipped', 'delivered', 'collected', 'ready_for_pickup', 'completed'];

/**
 * An order's status from its lines and holds: cancelled when every line is, on hold while a hold
 * is open, then the furthest state every remaining line has reached (returned, delivered or
 * collected, shipped, ready for pickup), partially shipped when some are out, backordered while
 * some wait for supply, partially cancelled when some were cancelled, else sourced. `completed` is
 * set only by closing the order.
 */
export function deriveOrderStatus(lines: ReadonlyArray<{ status: OrderLineStatus }>, onHold: boolean, current: OrderStatus): OrderStatus {
  const statuses = lines.map((line) => line.status);
  const active = statuses.filter((status) => status !== 'cancelled');
  if (active.length === 0) return 'cancelled';
  if (onHold) return 'on_hold';
  const all = (set: readonly OrderLineStatus[]) => active.every((status) => set.includes(status));
  const some = (set: readonly OrderLineStatus[]) => active.some((status) => set.includes(status));
  if (some(['returned', 'partially_returned'])) return all(['returned']) ? 'returned' : 'partially_returned';
  if (current === 'completed' || all(['completed'])) return 'completed';
  if (all(DONE)) return all(['collected']) ? 'collected' : 'delivered';
  if (all(OUT)) return 'shipped';
  if (all(['ready_for_pickup', ...OUT])) return 'ready_for_pickup';
  if (some(MOVING)) return 'partially_shipped';
  if (some(['backordered'])) return 'backordered';
  if (some(['partially_cancelled']) || statuses.includes('cancelled')) return 'partially_cancelled';
  return 'sourced';
}

const CUSTOMER_TEXT: Readonly<Record<OrderStatus, string>> = {
  created: 'Received',
  on_hold: 'Being reviewed',
  sourced: 'Confirmed',
  backordered: 'Waiting for stock',
  partially_shipped: 'Partly on its way',
  shipped: 'On its way',
  ready_for_pickup: 'Ready for pickup',
  delivered: 'Delivered',
  collected: 'Collected',
  completed: 'Completed',
  partially_cancelled: 'Confirmed, some items cancelled',
  cancelled: 'Cancelled',
  partially_returned: 'Partly returned',
  returned: 'Returned',
};

/**
 * What the customer is told: the status in plain words, the promised date while nothing has
 * shipped, and how many items wait for stock until when. A hold's reason is never shown.
 */
export function customerStatus(
  status: OrderStatus,
  lines: ReadonlyArray<{ backorderedQuantity: number; expectedDate: string | null }>,
  promisedDate: string | null,
): string {
  let text = CUSTOMER_TEXT[status];
  if ((status === 'sourced' || status === 'partially_cancelled') && promisedDate) text += `, expected ${promisedDate}`;
  const waiting = lines.filter((line) => line.backorderedQuantity > 0);
  const units = waiting.reduce((sum, line) => sum + line.backorderedQuantity, 0);
  if (units > 0 && status !== 'cancelled') {
    const dates = waiting.map((line) => line.expectedDate).filter((date): date is string => date !== null).sort();
    const until = dates.length === waiting.length && dates.length > 0 ? ` until ${dates[dates.length - 1]}` : '';
    text += `; ${units} item${units === 1 ? '' : 's'} backordered${until}`;
  }
  return text;
}
