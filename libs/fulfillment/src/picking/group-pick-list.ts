import type { fulfillmentV1 } from '@baton/contracts';
import type { FulfillmentWithLines } from '../fulfillment/fulfillments.repository';
import { unpickedQuantity } from '../fulfillment/fulfillment-workflow';

/**
 * A batch pick list grouped by item: one entry per SKU with the total to pick and, under it, each
 * order line it is for — so a picker walks the location once and sorts into orders after. Items
 * are ordered by SKU, lines by fulfilment order as given. Lines with nothing left to pick are left out.
 */
export function groupPickList(works: readonly FulfillmentWithLines[]): fulfillmentV1.PickListItem[] {
  const items = new Map<string, fulfillmentV1.PickListItem>();
  for (const { fulfillment, lines } of works) {
    for (const line of lines) {
      const quantity = unpickedQuantity(line);
      if (quantity <= 0) continue;
      const item = items.get(line.sku) ?? { sku: line.sku, quantity: 0, lines: [] };
      item.quantity += quantity;
      item.lines.push({ fulfillmentId: fulfillment.id, orderId: fulfillment.orderId, lineId: line.orderLineId, quantity });
      items.set(line.sku, item);
    }
  }
  return [...items.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
