export interface StockReservedV1 {
  orderId: string;
  reservations: Array<{
    reservationId: string;
    lineId: string;
    sku: string;
    locationId: string;
    quantity: number;
    expiresAt: string;
  }>;
}

export interface StockChangedV1 {
  sku: string;
  locationId: string;
  movementType: string;
  quantity: number;
  onHand: number;
  reserved: number;
  available: number;
  reference: string;
}

/** Events produced by the inventory service. */
export interface InventoryEventMap {
  'inventory.stock.reserved.v1': StockReservedV1;
  'inventory.stock.changed.v1': StockChangedV1;
}

export const INVENTORY_EVENT_TYPES = ['inventory.stock.reserved.v1', 'inventory.stock.changed.v1'] as const satisfies ReadonlyArray<
  keyof InventoryEventMap
>;
