/**
 * The customer-facing status vocabulary: small and stable, because shops, apps and store screens
 * show it to people and switch on it. New events never add words; they map onto these.
 */
export const CUSTOMER_STATUSES = [
  'received',
  'processing',
  'partially_shipped',
  'shipped',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
  'collected',
  'delayed',
  'returned',
  'refunded',
  'cancelled',
] as const;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** Where one order line's units are, in units. Every count is of the line's own units. */
export interface LineProgress {
  quantity: number;
  cancelled: number;
  /** Handed to a carrier (delivered units included). */
  shipped: number;
  /** Shipped units whose parcels were all delivered. */
  delivered: number;
  /** Shipped units on a parcel out for delivery and not yet delivered. */
  outForDelivery: number;
  /** Shipped units on a parcel the carrier reported a problem with (latest scan), not yet delivered. */
  delayedInTransit: number;
  /** Units waiting at a store, not collected and not expired. */
  readyForPickup: number;
  collected: number;
  returned: number;
  refunded: number;
  /** Whether work on the order started (stock reserved, a fulfilment created). */
  processing: boolean;
  /** Whether the promised date passed. */
  overdue: boolean;
}

const FINISHED: ReadonlySet<CustomerStatus> = new Set(['delivered', 'collected', 'returned', 'refunded', 'cancelled']);
const DELAYABLE: ReadonlySet<CustomerStatus> = new Set([
  'received',
  'processing',
  'partially_shipped',
  'shipped',
  'out_for_delivery',
]);

/** Whether nothing more will happen to a line or order in this status, short of a return. */
export function isFinished(status: CustomerStatus): boolean {
  return FINISHED.has(status);
}

function progressStatus(line: LineProgress): CustomerStatus {
  const active = line.quantity - line.cancelled;
  if (active <= 0) return 'cancelled';
  if (line.returned > 0) return line.refunded >= line.returned ? 'refunded' : 'returned';
  if (line.delivered + line.collected >= active) {
    return line.collected > 0 && line.delivered === 0 ? 'collected' : 'delivered';
  }
  const inTransit = line.shipped - line.delivered;
  if (line.readyForPickup > 0 && inTransit <= 0 && line.readyForPickup + line.delivered + line.collected >= active) {
    return 'ready_for_pickup';
  }
  if (line.shipped + line.collected + line.readyForPickup >= active) {
    return line.outForDelivery > 0 ? 'out_for_delivery' : 'shipped';
  }
  if (line.shipped + line.collected + line.readyForPickup > 0) return 'partially_shipped';
  return line.processing ? 'processing' : 'received';
}

/**
 * The status of one line. Progress decides (the furthest state every active unit reached); a line
 * still on its way is `delayed` when the promise passed or the carrier reported a problem.
 */
export function lineStatusOf(line: LineProgress): CustomerStatus {
  const status = progressStatus(line);
  if (DELAYABLE.has(status) && (line.overdue || line.delayedInTransit > 0)) return 'delayed';
  return status;
}

function all(statuses: CustomerStatus[], allowed: CustomerStatus[]): boolean {
  return statuses.every((status) => allowed.includes(status));
}

/**
 * The status of a whole order from its lines' statuses. Cancelled lines do not count unless every
 * line is cancelled; one delayed line delays the order; otherwise the order is as far as its least
 * advanced line, with `partially_shipped` when some but not all of it left.
 */
export function orderStatusOf(lines: CustomerStatus[], fallback: { processing: boolean; cancelled: boolean }): CustomerStatus {
  if (lines.length === 0) {
    if (fallback.cancelled) return 'cancelled';
    return fallback.processing ? 'processing' : 'received';
  }
  const active = lines.filter((status) => status !== 'cancelled');
  if (active.length === 0) return 'cancelled';
  if (active.includes('delayed')) return 'delayed';
  if (all(active, ['delivered', 'collected', 'returned', 'refunded']) && active.some((s) => s === 'returned' || s === 'refunded')) {
    return active.includes('returned') ? 'returned' : 'refunded';
  }
  if (all(active, ['delivered', 'collected', 'returned', 'refunded'])) {
    return all(active, ['collected']) ? 'collected' : 'delivered';
  }
  if (all(active, ['ready_for_pickup', 'delivered', 'collected', 'returned', 'refunded'])) return 'ready_for_pickup';
  const left: CustomerStatus[] = ['shipped', 'out_for_delivery', 'ready_for_pickup', 'delivered', 'collected', 'returned', 'refunded'];
  if (all(active, left)) return active.includes('out_for_delivery') ? 'out_for_delivery' : 'shipped';
  if (active.some((status) => status === 'partially_shipped' || left.includes(status))) return 'partially_shipped';
  return active.includes('processing') ? 'processing' : 'received';
}

export type AtRiskReason = 'promise_missed' | 'carrier_exception' | 'carrier_eta_after_promise' | 'not_shipped_near_promise';

export interface RiskInput {
  status: CustomerStatus;
  promisedBy?: string;
  now: Date;
  /** How long before the promise an order that has not left is at risk. */
  windowMs: number;
  /** Whether any unit was shipped, made ready for pickup, delivered or collected. */
  anyLeft: boolean;
  /** The latest carrier estimate over the order's open parcels. */
  estimatedDeliveryAt?: string;
  /** Whether an open parcel's latest scan reports a problem. */
  carrierException: boolean;
}

/**
 * Whether an unfinished order may miss what was promised, and the first reason that says so. A
 * finished order (or one waiting for collection: the promise was kept) is never at risk.
 */
export function riskOf(input: RiskInput): { atRisk: boolean; reason: AtRiskReason | null } {
  if (isFinished(input.status) || input.status === 'ready_for_pickup') return { atRisk: false, reason: null };
  const promised = input.promisedBy ? Date.parse(input.promisedBy) : Number.NaN;
  const now = input.now.getTime();
  if (!Number.isNaN(promised) && now > promised) return { atRisk: true, reason: 'promise_missed' };
  if (input.carrierException) return { atRisk: true, reason: 'carrier_exception' };
  if (Number.isNaN(promised)) return { atRisk: false, reason: null };
  if (input.estimatedDeliveryAt && Date.parse(input.estimatedDeliveryAt) > promised) {
    return { atRisk: true, reason: 'carrier_eta_after_promise' };
  }
  if (!input.anyLeft && now >= promised - input.windowMs) return { atRisk: true, reason: 'not_shipped_near_promise' };
  return { atRisk: false, reason: null };
}
