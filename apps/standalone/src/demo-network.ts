import type { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { GrpcPeer, runWithContext } from '@baton/platform';

export const DEMO_TENANT = 'demo';

const LOCATIONS: inventoryV1.CreateLocationRequest[] = [
  { code: 'WH-CENTRAL', name: 'Central warehouse', type: 'warehouse', latitude: 52.37, longitude: 4.89, capabilities: ['ship', 'receive_transfers'] },
  { code: 'ST-AMS', name: 'Amsterdam store', type: 'store', latitude: 52.3731, longitude: 4.8922, capabilities: ['ship', 'pickup', 'accept_returns'] },
  { code: 'ST-UTR', name: 'Utrecht store', type: 'store', latitude: 52.0907, longitude: 5.1214, capabilities: ['ship', 'pickup', 'accept_returns'] },
  { code: 'ST-RTM', name: 'Rotterdam store', type: 'store', latitude: 51.9244, longitude: 4.4777, capabilities: ['pickup', 'accept_returns'] },
];

const ITEMS: inventoryV1.CreateItemRequest[] = [
  { sku: 'TSHIRT-BLUE-M', name: 'T-shirt, blue, M', productGroup: 'apparel', unitValueMinor: 1999 },
  { sku: 'SNEAKER-42', name: 'Running sneaker, size 42', productGroup: 'footwear', unitValueMinor: 8999 },
  { sku: 'MUG-LOGO', name: 'Mug with logo', productGroup: 'home', unitValueMinor: 1299 },
];

/** Stock per SKU at each location code, received once (receipts are idempotent by reference). */
const STOCK: Record<string, Record<string, number>> = {
  'TSHIRT-BLUE-M': { 'WH-CENTRAL': 120, 'ST-AMS': 8, 'ST-UTR': 5 },
  'SNEAKER-42': { 'WH-CENTRAL': 30, 'ST-RTM': 2 },
  'MUG-LOGO': { 'WH-CENTRAL': 200, 'ST-AMS': 12 },
};

async function ignoreConflict<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'conflict') return undefined;
    throw error;
  }
}

/**
 * Seeds a small demo network — a warehouse, three stores, three items with stock — through the
 * inventory service's own API, so the demo exercises the same guarded paths as production.
 * Safe to run on every start.
 */
export async function seedDemoNetwork(inventoryAddress: string): Promise<void> {
  const inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', inventoryAddress, 10_000);
  try {
    await runWithContext({ tenantId: DEMO_TENANT, correlationId: 'seed-demo-network', principal: 'seed' }, async () => {
      for (const location of LOCATIONS) await ignoreConflict(() => inventory.call('createLocation', location));
      for (const item of ITEMS) await ignoreConflict(() => inventory.call('createItem', item));
      const byCode = new Map<string, string>();
      const listed = await inventory.call('listLocations', {});
      for (const location of listed.locations) byCode.set(location.code, location.id);
      for (const [sku, perLocation] of Object.entries(STOCK)) {
        for (const [code, quantity] of Object.entries(perLocation)) {
          const locationId = byCode.get(code);
          if (!locationId) throw new Error(`Demo location ${code} is missing`);
          await inventory.call('receiveStock', {
            sku,
            locationId,
            quantity,
            reference: `demo-seed:${sku}:${code}`,
            reason: 'demo network opening stock',
          });
        }
      }
    });
  } finally {
    inventory.close();
  }
}
