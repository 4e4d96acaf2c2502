import { assertUnreachable } from '@baton/domain';
import type { ShippingRefundRule } from '../return/return-vocabulary';
import { unitsShare } from './largest-remainder';

/** One order line's part of a refund: how many of its units are credited now and what was paid. */
export interface RefundLineInput {
  lineId: string;
  orderedQuantity: number;
  /** The whole line's price after discounts, tax excluded. */
  netMinor: number;
  /** The whole line's tax. */
  taxMinor: number;
  /** Units of this line credited by earlier returns of the order. */
  creditedUnits: number;
  /** Units credited now. */
  units: number;
  /** Whether the reason for returning them is the merchant's fault (no restocking fee). */
  merchantFault: boolean;
}

export interface RefundInput {
  lines: readonly RefundLineInput[];
  restockingFeeBps: number;
  /** Exchanges are not charged a restocking fee. */
  waiveRestockingFee: boolean;
  /** The shipping charge refunded now (see {@link shippingToRefund}). */
  shippingMinor: number;
  /** What the customer paid for the order, and what earlier returns already credited. */
  paidMinor: number;
  alreadyCreditedMinor: number;
  /** An exchange order the credit pays for, and what the customer already paid towards it. */
  exchange?: { valueMinor: number; chargedMinor: number };
}

export interface RefundLineResult {
  lineId: string;
  quantity: number;
  merchandiseMinor: number;
  taxMinor: number;
}

export interface RefundResult {
  lines: RefundLineResult[];
  merchandiseMinor: number;
  taxMinor: number;
  shippingMinor: number;
  restockingFeeMinor: number;
  /** The value credited for the returned goods: merchandise + tax + shipping − fee, capped. */
  creditMinor: number;
  exchangeAppliedMinor: number;
  /** Money to pay back. */
  amountMinor: number;
  /** What the customer still owes towards an exchange when less came back than it assumed. */
  outstandingMinor: number;
}

/**
 * The refund for units coming back, from the price actually paid. Each line's net price and tax
 * are spread over its units by largest remainder (integer minor units, no floating point), and a
 * return takes the units after those earlier returns took, so the parts of a line returned in
 * several returns add up to exactly what the line cost and never more. The restocking fee is
 * `restockingFeeBps` of the merchandise of non-merchant-fault lines, rounded down (in the
 * customer's favour). The credit is capped at what was paid minus what earlier returns credited:
 * no refund beyond what was paid, across all returns of the order.
 */
export function calculateRefund(input: RefundInput): RefundResult {
  const lines = input.lines
    .filter((line) => line.units > 0)
    .map((line) => ({
      lineId: line.lineId,
      quantity: line.units,
      merchandiseMinor: unitsShare(line.netMinor, line.orderedQuantity, line.creditedUnits, line.units),
      taxMinor: unitsShare(line.taxMinor, line.orderedQuantity, line.creditedUnits, line.units),
      merchantFault: line.merchantFault,
    }));
  const merchandiseMinor = lines.reduce((sum, line) => sum + line.merchandiseMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);
  const feeBase = lines.filter((line) => !line.merchantFault).reduce((sum, line) => sum + line.merchandiseMinor, 0);
  const restockingFeeMinor = input.waiveRestockingFee
    ? 0
    : Number((BigInt(feeBase) * BigInt(input.restockingFeeBps)) / 10_000n);
  const uncapped = merchandiseMinor + taxMinor + input.shippingMinor - restockingFeeMinor;
  const headroom = Math.max(0, input.paidMinor - input.alreadyCreditedMinor);
  const creditMinor = Math.max(0, Math.min(uncapped, headroom));
  let exchangeAppliedMinor = 0;
  let amountMinor = creditMinor;
  let outstandingMinor = 0;
  if (input.exchange) {
    const available = creditMinor + input.exchange.chargedMinor;
    exchangeAppliedMinor = Math.min(available, input.exchange.valueMinor);
    amountMinor = available - exchangeAppliedMinor;
    outstandingMinor = Math.max(0, input.exchange.valueMinor - available);
  }
  return {
    lines: lines.map(({ merchantFault: _fault, ...line }) => line),
    merchandiseMinor,
    taxMinor,
    shippingMinor: input.shippingMinor,
    restockingFeeMinor,
    creditMinor,
    exchangeAppliedMinor,
    amountMinor,
    outstandingMinor,
  };
}

export interface ShippingSituation {
  orderShippingMinor: number;
  shippingRefundedMinor: number;
  /** Any unit credited now was returned for a merchant-fault reason. */
  merchantFault: boolean;
  /** After this return every bought unit of the order has been credited. */
  fullyReturned: boolean;
}

/** The shipping charge to refund now under the tenant's rule; refunded at most once per order. */
export function shippingToRefund(rule: ShippingRefundRule, situation: ShippingSituation): number {
  const left = Math.max(0, situation.orderShippingMinor - situation.shippingRefundedMinor);
  switch (rule) {
    case 'never':
      return 0;
    case 'always':
      return left;
    case 'merchant_fault':
      return situation.merchantFault ? left : 0;
    case 'full_return':
      return situation.fullyReturned ? left : 0;
    default:
      return assertUnreachable(rule);
  }
}
