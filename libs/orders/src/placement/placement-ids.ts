import { createHash } from 'node:crypto';

/** Namespace of every id the placement derives (a fixed random UUID, never to change). */
const PLACEMENT_NAMESPACE = 'b3f1c6de-5a51-4c3e-9a8e-0f2f6c1d7a42';

/** RFC 9562 version-5 UUID: the same name in the same namespace always gives the same id. */
export function nameBasedUuid(name: string, namespace = PLACEMENT_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id an order gets before anything is reserved, derived from its idempotency key
 * (tenant, channel, channel order id). Every attempt to place the same order — a retry after a
 * failed commit, or concurrent duplicates — therefore reserves under the same order id.
 */
export function placementOrderId(tenantId: string, channel: string, channelOrderId: string): string {
  return nameBasedUuid(JSON.stringify(['order', tenantId, channel, channelOrderId]));
}

/**
 * The id of one order line, fixed once the line is sourced and before it is reserved, derived
 * from the order id and what the line asks of which location. Inventory reserves idempotently by
 * (order, line), so a repeated attempt with the same plan reuses the reservation it already
 * holds; a line planned differently (another SKU, quantity or location) gets another id, so it is
 * never refused as a mismatch of the earlier hold, which then simply expires.
 */
export function placementLineId(orderId: string, index: number, line: { sku: string; quantity: number; locationId: string }): string {
  return nameBasedUuid(JSON.stringify(['line', orderId, index, line.sku, line.quantity, line.locationId]));
}

/**
 * The id of one part of a line (an allocation): the line's own id for its first part, so a line
 * kept whole is reserved and fulfilled under the id it is known by; a derived id for every other
 * part. Deterministic, so a retried placement reserves the same parts under the same ids.
 */
export function allocationPartId(lineId: string, part: number, locationId: string, quantity: number): string {
  return part === 0 ? lineId : nameBasedUuid(JSON.stringify(['part', lineId, part, locationId, quantity]));
}

/**
 * The id of a part sourced again after `causeId` (the event that gave the quantity back, or a
 * backorder retry), so handling the same event twice reserves under the same id.
 */
export function resourcedPartId(lineId: string, causeId: string, locationId: string, quantity: number): string {
  return nameBasedUuid(JSON.stringify(['resourced', lineId, causeId, locationId, quantity]));
}
