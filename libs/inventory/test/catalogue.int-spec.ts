import { withTenant } from '@baton/testing';
import { LocationsService } from '../src/location/locations.service';
import { type InventoryKit, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-catalogue';

describe(LocationsService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_catalogue');
  });

  afterAll(async () => {
    await kit?.close();
  });

  const store = {
    code: 'ST-AMS',
    name: 'Amsterdam store',
    type: 'store',
    latitude: 52.37,
    longitude: 4.89,
    capabilities: ['ship', 'pickup'],
  };

  it('creates a location, refuses its code a second time, and lets another tenant use the code', async () => {
    const created = await withTenant(TENANT, () => kit.locations.createLocation(store));

    expect(created).toMatchObject({ ...store, active: true, id: expect.any(String) });
    await expect(withTenant(TENANT, () => kit.locations.createLocation(store))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'LOCATION_CODE_TAKEN',
    });
    await expect(withTenant('tenant-elsewhere', () => kit.locations.createLocation(store))).resolves.toMatchObject({
      code: 'ST-AMS',
    });
    expect(await withTenant(TENANT, () => kit.locations.listLocations())).toEqual([created]);
  });

  it('refuses an invalid location naming the fields, and stores nothing', async () => {
    const attempt = withTenant(TENANT, () =>
      kit.locations.createLocation({ ...store, code: 'BAD', type: 'castle', latitude: 200 }),
    );

    await expect(attempt).rejects.toMatchObject({
      kind: 'invalid',
      violations: [expect.objectContaining({ field: 'latitude' }), expect.objectContaining({ field: 'type' })],
    });
    expect(await kit.dataSource.query(`SELECT 1 FROM locations WHERE code = 'BAD'`)).toEqual([]);
  });

  it('creates an item and refuses its SKU a second time', async () => {
    const item = { sku: 'MUG-LOGO', name: 'Mug', productGroup: 'home', unitValueMinor: 1299 };

    await expect(withTenant(TENANT, () => kit.items.createItem(item))).resolves.toEqual(item);
    await expect(withTenant(TENANT, () => kit.items.createItem(item))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'ITEM_SKU_TAKEN',
    });
    await expect(
      withTenant(TENANT, () => kit.items.createItem({ ...item, sku: 'MUG-2', unitValueMinor: -1 })),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [expect.objectContaining({ field: 'unitValueMinor' })] });
  });
});
