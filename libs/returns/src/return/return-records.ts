/** The JSON documents a return keeps beside its columns. */

/** The return label, or why there is none. */
export interface LabelRecord {
  status: 'created' | 'unavailable' | 'not_needed';
  carrier: string;
  service: string;
  trackingNumber: string;
  labelUrl: string;
  message: string;
}

/** An exchange asked for at authorisation and, once placed, its order and how the difference is settled. */
export interface ExchangeRecord {
  status: 'pending' | 'placed' | 'failed';
  lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>;
  orderId: string | null;
  returnedValueMinor: number;
  exchangeValueMinor: number;
  /** exchange − returned; positive: the customer pays the difference. */
  differenceMinor: number;
  settlement: 'charge' | 'refund' | 'even' | null;
  settlementMinor: number;
  /** What the customer was charged towards the exchange at placement. */
  chargedMinor: number;
  failure: string | null;
}

/** How a refund amount came about. */
export interface RefundBreakdown {
  lines: Array<{ orderLineId: string; quantity: number; merchandiseMinor: number; taxMinor: number }>;
  merchandiseMinor: number;
  taxMinor: number;
  shippingMinor: number;
  restockingFeeMinor: number;
  creditMinor: number;
  exchangeAppliedMinor: number;
  outstandingMinor: number;
  /** The money to pay out. */
  amountMinor: number;
}
