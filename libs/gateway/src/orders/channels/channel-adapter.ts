import type { FieldViolation } from '@baton/domain';

/** One order read from a foreign format, in Baton's PlaceOrder shape (validated afterwards, like any order). */
export interface MappedOrder {
  channelOrderId: string;
  /** Where it came from in the input, for error reports (CSV line numbers; empty for single documents). */
  rows: number[];
  order: Record<string, unknown>;
}

/** One order of the input that could not be mapped, with every problem found. */
export interface RejectedOrder {
  channelOrderId: string;
  rows: number[];
  errors: RowViolation[];
}

/** A problem in the input: the field (as the foreign format names it) and, for tabular input, the line. */
export interface RowViolation extends FieldViolation {
  row?: number;
}

export interface AdapterResult {
  orders: MappedOrder[];
  rejected: RejectedOrder[];
}

/**
 * A channel adapter maps a foreign order format to Baton orders. It only translates: it does not
 * validate Baton's rules (the intake does, the same for every format) and does no I/O, so each
 * adapter is a small pure module, and adding a channel means adding one.
 */
export interface ChannelAdapter<Input> {
  /** The format's name, e.g. `shopify` or `csv`. */
  readonly format: string;
  toOrders(input: Input, channel: string): AdapterResult;
}
