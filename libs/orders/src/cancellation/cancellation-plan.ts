import { openQuantity, type OrderAllocationEntity } from '../order/order-allocation.entity';
import type { OrderLineEntity } from '../order/order-line.entity';

export type RefusalReason = 'ALREADY_SHIPPED' | 'ALREADY_PACKED' | 'NOTHING_LEFT';

const REFUSAL_DETAIL: Readonly<Record<RefusalReason, string>> = {
  ALREADY_PACKED: 'the location has already packed these units',
  ALREADY_SHIPPED: 'these units have shipped or been collected',
  NOTHING_LEFT: 'nothing more of this line is open',
};

export interface CancelRequestLine {
  lineId: string;
  /** 0: everything of the line that can still be cancelled. */
  quantity: number;
}

export interface PlannedCancellation {
  lineId: string;
  /** Taken from the backordered quantity (nothing reserved for it). */
  fromBackorder: number;
  /** Taken from reserved parts, each with its quantity. */
  fromParts: Array<{ allocationId: string; quantity: number }>;
  refundMinor: number;
}

export interface CancellationPlan {
  cancellations: PlannedCancellation[];
  refused: Array<{ lineId: string; quantity: number; reason: RefusalReason; detail: string }>;
  refundMinor: number;
}

/** The line's total (price × quantity + tax − discount) in minor units. */
export function lineTotal(line: Pick<OrderLineEntity, 'quantity' | 'unitPriceMinor' | 'taxMinor' | 'discountMinor'>): bigint {
  return BigInt(line.quantity) * BigInt(line.unitPriceMinor) + BigInt(line.taxMinor) - BigInt(line.discountMinor);
}

/**
 * What `cancelled` units of a line are worth: the line's total shared by units, rounded down for
 * every partial cancellation, so successive partial refunds add up exactly to the line's total
 * when the whole line is cancelled — never a cent more, never a float.
 */
export function refundFor(line: Pick<OrderLineEntity, 'quantity' | 'unitPriceMinor' | 'taxMinor' | 'discountMinor'>, cancelledBefore: number, cancelledNow: number): number {
  const total = lineTotal(line);
  const q = BigInt(line.quantity);
  const share = (n: number) => (total * BigInt(n)) / q;
  return Number(share(cancelledBefore + cancelledNow) - share(cancelledBefore));
}

/**
 * Which quantities of which parts a cancellation takes: backordered units first (nothing is held
 * for them), then reserved parts, newest first. Units already shipped or collected cannot be
 * cancelled; parts whose fulfilment fulfillment reports packed or further (`blocked`) are refused
 * with that reason. Pure: the service applies
 * the plan under the order's row lock.
 */
export function planCancellation(
  lines: readonly OrderLineEntity[],
  allocations: readonly OrderAllocationEntity[],
  requested: readonly CancelRequestLine[] | 'all',
  blocked: ReadonlyMap<string, 'ALREADY_PACKED' | 'ALREADY_SHIPPED'>,
): CancellationPlan {
  const asked = requested === 'all' ? lines.map((line) => ({ lineId: line.id, quantity: 0 })) : requested;
  const plan: CancellationPlan = { cancellations: [], refused: [], refundMinor: 0 };
  for (const request of asked) {
    const line = lines.find((l) => l.id === request.lineId);
    if (!line) continue;
    const parts = allocations.filter((a) => a.lineId === line.id && openQuantity(a) > 0).reverse();
    const free = parts.filter((a) => !blocked.has(a.id));
    const blockedBy = (reason: RefusalReason) =>
      parts.filter((a) => blocked.get(a.id) === reason).reduce((sum, a) => sum + openQuantity(a), 0);
    const cancellable = line.backorderedQuantity + free.reduce((sum, a) => sum + openQuantity(a), 0);
    const remaining = line.quantity - line.cancelledQuantity;
    const wanted = request.quantity === 0 ? remaining : request.quantity;
    let left = Math.min(wanted, cancellable);
    let short = wanted - left;
    for (const reason of ['ALREADY_PACKED', 'ALREADY_SHIPPED'] as const) {
      const quantity = Math.min(short, blockedBy(reason));
      if (quantity === 0) continue;
      plan.refused.push({ lineId: line.id, quantity, reason, detail: REFUSAL_DETAIL[reason] });
      short -= quantity;
    }
    if (short > 0) {
      const gone = remaining - cancellable - blockedBy('ALREADY_PACKED') - blockedBy('ALREADY_SHIPPED') > 0;
      plan.refused.push({
        lineId: line.id,
        quantity: short,
        reason: gone ? 'ALREADY_SHIPPED' : 'NOTHING_LEFT',
        detail: gone ? REFUSAL_DETAIL.ALREADY_SHIPPED : REFUSAL_DETAIL.NOTHING_LEFT,
      });
    }
    if (left === 0) continue;
    const fromBackorder = Math.min(left, line.backorderedQuantity);
    left -= fromBackorder;
    const fromParts: PlannedCancellation['fromParts'] = [];
    for (const part of free) {
      if (left === 0) break;
      const quantity = Math.min(left, openQuantity(part));
      fromParts.push({ allocationId: part.id, quantity });
      left -= quantity;
    }
    const cancelled = fromBackorder + fromParts.reduce((sum, p) => sum + p.quantity, 0);
    const refundMinor = refundFor(line, line.cancelledQuantity, cancelled);
    plan.cancellations.push({ lineId: line.id, fromBackorder, fromParts, refundMinor });
    plan.refundMinor += refundMinor;
  }
  return plan;
}
