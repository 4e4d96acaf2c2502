/** How a return reaches Baton. */
export const RETURN_METHODS = ['mail', 'in_store'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** Who created the return. */
export const RETURN_CREATORS = ['channel', 'store', 'customer_service'] as const;
export type ReturnCreator = (typeof RETURN_CREATORS)[number];

/** Whether the customer gets money back; `none` for lost-parcel claims, goodwill and the like. */
export const REFUND_MODES = ['refund', 'none'] as const;
export type RefundMode = (typeof REFUND_MODES)[number];

/** What inspection finds for each unit. */
export const RETURN_GRADES = ['resellable', 'damaged', 'defective', 'wrong_item', 'missing'] as const;
export type ReturnGrade = (typeof RETURN_GRADES)[number];

/** Grades of units that are not the goods sold: nothing to put back into stock. */
export const NON_STOCK_GRADES: readonly ReturnGrade[] = ['wrong_item', 'missing'];

/** Where a unit goes after inspection. `none` changes no stock (missing and wrong items). */
export const DISPOSITIONS = ['restock', 'transfer', 'refurbish', 'write_off', 'return_to_vendor', 'none'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Dispositions that book the unit into inventory's ledger (its SKU must be known there). */
export const STOCK_DISPOSITIONS: readonly Disposition[] = ['restock', 'transfer', 'write_off', 'return_to_vendor'];

/** Dispositions that send the unit on to another location, which must be named. */
export const DISPOSITIONS_WITH_TARGET: readonly Disposition[] = ['transfer', 'return_to_vendor'];

/** Dispositions that may name a target location (refurbish: the refurbisher, for the record). */
export const DISPOSITIONS_ALLOWING_TARGET: readonly Disposition[] = ['transfer', 'return_to_vendor', 'refurbish'];

/** When the order's shipping charge is refunded. */
export const SHIPPING_REFUND_RULES = ['never', 'merchant_fault', 'full_return', 'always'] as const;
export type ShippingRefundRule = (typeof SHIPPING_REFUND_RULES)[number];

/** Whether `value` is one of `allowed` (a type guard for the closed vocabularies above). */
export function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}
