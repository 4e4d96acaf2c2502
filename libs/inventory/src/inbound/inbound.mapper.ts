import type { inventoryV1 } from '@baton/contracts';
import type { InboundLineEntity } from './inbound-line.entity';
import type { SupplyWithLines } from './inbound.repository';

/** Over-, under- and still-open quantities of a line, derived from expected and received. */
export function lineQuantities(line: Pick<InboundLineEntity, 'expectedQuantity' | 'receivedQuantity'>, closed: boolean) {
  const missing = Math.max(0, line.expectedQuantity - line.receivedQuantity);
  return {
    overReceived: Math.max(0, line.receivedQuantity - line.expectedQuantity),
    openQuantity: closed ? 0 : missing,
    shortClosed: closed ? missing : 0,
  };
}

/** The contract form of a supply with its lines. */
export function toInboundSupply({ supply, lines }: SupplyWithLines): inventoryV1.InboundSupply {
  const closed = supply.status === 'closed';
  return {
    id: supply.id,
    kind: supply.kind,
    reference: supply.reference,
    supplier: supply.supplier,
    sourceLocationId: supply.sourceLocationId ?? '',
    status: supply.status,
    lines: lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      locationId: line.locationId,
      expectedQuantity: line.expectedQuantity,
      receivedQuantity: line.receivedQuantity,
      eta: line.eta.toISOString(),
      ...lineQuantities(line, closed),
    })),
    createdAt: supply.createdAt.toISOString(),
    updatedAt: supply.updatedAt.toISOString(),
  };
}

/** The status after receipts: received once every line has all it expected. */
export function statusAfterReceipt(lines: Array<Pick<InboundLineEntity, 'expectedQuantity' | 'receivedQuantity'>>) {
  if (lines.every((line) => line.receivedQuantity >= line.expectedQuantity)) return 'received' as const;
  if (lines.some((line) => line.receivedQuantity > 0)) return 'partially_received' as const;
  return 'open' as const;
}
