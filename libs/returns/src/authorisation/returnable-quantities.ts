import type { ReturnStatus } from '../return/return-state-machine';
import { NON_STOCK_GRADES, isOneOf } from '../return/return-vocabulary';
import { matchesAnySkuPattern } from '../policy/sku-pattern';
import type { ReturnPolicy } from '../policy/return-policy';
import { linePaidMinor, type PurchasedLine, type PurchasedOrder } from '../peers/purchased-order';

/** What an existing return of the order holds, for the arithmetic of what is left to return. */
export interface ReturnClaimView {
  status: ReturnStatus;
  lines: ReadonlyArray<{ orderLineId: string; quantity: number }>;
  units: ReadonlyArray<{ orderLineId: string | null; grade: string | null; unexpected: boolean }>;
}

/**
 * Units of each order line that returns hold. An open return (authorised, in transit, received)
 * holds everything it authorised, whether it has arrived yet or not; an inspected or completed
 * return holds only the units that came back as the goods sold (missing and wrong items free their
 * quantity again); a cancelled or rejected return holds nothing.
 */
export function claimedQuantities(returns: readonly ReturnClaimView[]): Map<string, number> {
  const claimed = new Map<string, number>();
  const add = (lineId: string, quantity: number) => claimed.set(lineId, (claimed.get(lineId) ?? 0) + quantity);
  for (const ret of returns) {
    switch (ret.status) {
      case 'authorised':
      case 'in_transit':
      case 'received':
        for (const line of ret.lines) add(line.orderLineId, line.quantity);
        break;
      case 'inspected':
      case 'completed':
        for (const unit of ret.units) {
          if (unit.unexpected || unit.orderLineId === null) continue;
          if (unit.grade !== null && isOneOf(NON_STOCK_GRADES, unit.grade)) continue;
          add(unit.orderLineId, 1);
        }
        break;
      case 'rejected':
      case 'cancelled':
        break;
    }
  }
  return claimed;
}

/** Why a line has nothing returnable (FINAL_SALE: only for a merchant-fault reason). */
export type LineRefusal = 'NOT_SHIPPED' | 'NON_RETURNABLE' | 'WINDOW_CLOSED' | 'FULLY_RETURNED' | 'FINAL_SALE';

export interface LineAssessment {
  lineId: string;
  sku: string;
  orderedQuantity: number;
  lineStatus: string;
  eligibleQuantity: number;
  returnedQuantity: number;
  /** Units that may still be authorised (for a FINAL_SALE line: with a merchant-fault reason). */
  returnableQuantity: number;
  refusal: LineRefusal | null;
  finalSale: boolean;
  paidMinor: number;
  windowEndsAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * End of the return window of a line: `returnWindowDays` after it reached the customer, or after
 * the order was placed when orders does not say when the line shipped.
 */
export function windowEndsAt(order: PurchasedOrder, line: PurchasedLine, policy: ReturnPolicy): Date {
  const start = line.fulfilledAt ?? order.createdAt;
  return new Date(start.getTime() + policy.returnWindowDays * DAY_MS);
}

/**
 * How much of each line can still come back and, if nothing, why. Checks in this order: the line
 * reached the customer, the item is returnable at all, the window is open, something is left;
 * final sale is reported last because it still admits merchant-fault returns.
 */
export function assessLines(
  order: PurchasedOrder,
  returns: readonly ReturnClaimView[],
  policy: ReturnPolicy,
  now: Date,
): LineAssessment[] {
  const claimed = claimedQuantities(returns);
  return order.lines.map((line) => {
    const returned = claimed.get(line.lineId) ?? 0;
    const endsAt = windowEndsAt(order, line, policy);
    const finalSale = matchesAnySkuPattern(line.sku, policy.finalSaleSkus);
    const remaining = Math.max(0, line.eligibleQuantity - returned);
    let refusal: LineRefusal | null = null;
    if (line.eligibleQuantity <= 0) refusal = 'NOT_SHIPPED';
    else if (matchesAnySkuPattern(line.sku, policy.nonReturnableSkus)) refusal = 'NON_RETURNABLE';
    else if (now.getTime() > endsAt.getTime()) refusal = 'WINDOW_CLOSED';
    else if (remaining === 0) refusal = 'FULLY_RETURNED';
    else if (finalSale) refusal = 'FINAL_SALE';
    const blocked = refusal !== null && refusal !== 'FINAL_SALE';
    return {
      lineId: line.lineId,
      sku: line.sku,
      orderedQuantity: line.quantity,
      lineStatus: line.status,
      eligibleQuantity: line.eligibleQuantity,
      returnedQuantity: returned,
      returnableQuantity: blocked ? 0 : remaining,
      refusal,
      finalSale,
      paidMinor: linePaidMinor(line),
      windowEndsAt: endsAt,
    };
  });
}
