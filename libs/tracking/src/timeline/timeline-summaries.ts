import type { EventMap, EventType } from '@baton/domain';

function units(lines: ReadonlyArray<{ quantity: number }>): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}

type Summaries = { [T in EventType]?: (data: EventMap[T]) => string };

/**
 * The sentence a person reads on the timeline, per event type. Types without one read
 * "<type> from <service>": a new event shows up on the timeline before anyone words it.
 */
export const SUMMARIES: Summaries = {
  'orders.order.placed.v1': (d) =>
    `Order ${d.channelOrderId} placed via ${d.channel}: ${plural(d.lines.length, 'line')}, ${plural(units(d.lines), 'unit')}`,
  'orders.order.cancelled.v1': (d) =>
    d.wholeOrder ? `Order cancelled: ${d.reason}` : `${plural(units(d.lines), 'unit')} cancelled: ${d.reason}`,
  'inventory.stock.reserved.v1': (d) =>
    `Stock reserved: ${plural(units(d.reservations), 'unit')} on ${plural(d.reservations.length, 'line')}`,
  'inventory.stock.changed.v1': (d) => `Stock of ${d.sku} changed at location ${d.locationId} (${d.movementType})`,
  'inventory.reservation.confirmed.v1': (d) => `Reservation confirmed: ${plural(units(d.reservations), 'unit')}`,
  'inventory.reservation.released.v1': (d) => `Reservation released: ${plural(units(d.releases), 'unit')} (${d.reason})`,
  'inventory.reservation.consumed.v1': (d) => `Stock ${d.movementType === 'ship' ? 'shipped' : 'picked'}: ${plural(units(d.lines), 'unit')}`,
  'inventory.reservation.expired.v1': (d) => `Reservation of ${plural(d.quantity, 'unit')} of ${d.sku} expired`,
  'fulfillment.fulfillment.created.v1': (d) => `Fulfilment created at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
  'fulfillment.fulfillment.accepted.v1': (d) => `Accepted at location ${d.locationId}`,
  'fulfillment.fulfillment.picking-started.v1': (d) => `Picking started at location ${d.locationId}`,
  'fulfillment.fulfillment.picked.v1': (d) => `Picked at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
  'fulfillment.fulfillment.packed.v1': (d) => `Packed at location ${d.locationId}: ${plural(d.packages.length, 'package')}`,
  'fulfillment.fulfillment.rejected.v1': (d) =>
    `${d.shortPick ? 'Short-picked' : 'Rejected'} at location ${d.locationId}: ${plural(units(d.lines), 'unit')} (${d.reason})`,
  'fulfillment.fulfillment.shipped.v1': (d) =>
    `${d.legType === 'transfer' ? 'Sent on to the store' : 'Shipped'} from location ${d.locationId}: ${plural(units(d.lines), 'unit')} with ${d.shipments
      .map((s) => `${s.carrier} ${s.trackingNumber}`)
      .join(', ')}`,
  'fulfillment.fulfillment.ready-for-pickup.v1': (d) => `Ready for pickup at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
  'fulfillment.fulfillment.collected.v1': (d) => `Collected at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
  'fulfillment.fulfillment.delivered.v1': (d) =>
    d.legType === 'transfer' ? `Arrived at location ${d.destinationLocationId ?? ''}`.trim() : `Shipment ${d.shipmentId} delivered`,
  'fulfillment.fulfillment.expired.v1': (d) => `Pickup expired at location ${d.locationId}: ${plural(units(d.lines), 'unit')} not collected`,
  'fulfillment.fulfillment.cancelled.v1': (d) => `Fulfilment at location ${d.locationId} withdrawn: ${d.reason}`,
  'fulfillment.fulfillment.activated.v1': (d) => `Pickup at location ${d.locationId} can be prepared`,
  'fulfillment.fulfillment.overdue.v1': (d) => `Overdue at location ${d.locationId} (${d.action})`,
  'fulfillment.fulfillment.customer-arrived.v1': (d) => `Customer arrived at location ${d.locationId}`,
  'fulfillment.shipment.tracking-updated.v1': (d) => `Shipment ${d.carrier} ${d.trackingNumber}: ${d.status.replace(/_/g, ' ')}`,
  'tracking.shipment.scanned.v1': (d) =>
    `${d.carrier} ${d.trackingNumber}: ${d.code.replace(/_/g, ' ')}${d.description ? ` — ${d.description}` : ''}`,
  'returns.return.authorised.v1': (d) => `Return ${d.rmaNumber} authorised (${d.method.replace(/_/g, ' ')}): ${plural(units(d.lines), 'unit')}`,
  'returns.return.in-transit.v1': (d) => `Return on its way with ${d.carrier} ${d.trackingNumber}`,
  'returns.return.received.v1': (d) => `Return received at location ${d.locationId}: ${plural(units(d.lines), 'unit')}`,
  'returns.return.inspected.v1': (d) => `Return inspected: ${plural(units(d.grades), 'unit')}`,
  'returns.return.disposed.v1': (d) => `Returned units dispositioned at location ${d.locationId}`,
  'returns.return.completed.v1': (d) => `Return completed: ${plural(units(d.lines), 'unit')} accepted`,
  'returns.return.rejected.v1': (d) => `Return rejected: ${d.reason}`,
  'returns.return.cancelled.v1': (d) => `Return cancelled: ${d.reason}`,
  'returns.refund.requested.v1': (d) => `Refund of ${money(d.amountMinor, d.currency)} requested`,
  'returns.refund.settled.v1': (d) =>
    d.outcome === 'succeeded' ? `Refund of ${money(d.amountMinor, d.currency)} paid` : `Refund of ${money(d.amountMinor, d.currency)} failed`,
  'returns.exchange.placed.v1': (d) => `Exchange order ${d.exchangeOrderId} placed`,
};
