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
    expect(await withTenant(TENANT, () => kit.locations.listLocations({}))).toEqual({ locations: [created], nextPageToken: '' });
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

    await expect(withTenant(TENANT, () => kit.items.createItem(item))).resolves.toMatchObject({
      ...item,
      weightGrams: 0,
      safetyStock: 0,
      safetyStockByLocationType: [],
    });
    await expect(withTenant(TENANT, () => kit.items.createItem(item))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'ITEM_SKU_TAKEN',
    });
    await expect(
      withTenant(TENANT, () => kit.items.createItem({ ...item, sku: 'MUG-2', unitValueMinor: -1 })),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [expect.objectContaining({ field: 'unitValueMinor' })] });
  });

  it('updates only the given fields, keeps a full profile, and refuses bad ones naming them', async () => {
    const created = await withTenant(TENANT, () =>
      kit.locations.createLocation({
        code: 'ST-UTR',
        name: 'Utrecht store',
        type: 'store',
        latitude: 52.09,
        longitude: 5.12,
        capabilities: ['pickup'],
        details: {
          address: { line1: 'Oudegracht 1', line2: '', city: 'Utrecht', postalCode: '3511 AA', region: 'UT', country: 'NL' },
          timeZone: 'Europe/Amsterdam',
          openingHours: [{ day: 'mon', opens: '09:00', closes: '18:00' }],
          dailyCapacity: 40,
          handlingCostMinor: 250,
          partnerId: 'franchise-7',
          groups: ['nl', 'randstad'],
        },
      }),
    );

    const updated = await withTenant(TENANT, () =>
      kit.locations.updateLocation({
        locationId: created.id,
        name: 'Utrecht flagship',
        capabilities: { values: ['pickup', 'ship', 'same_day'] },
        clearDailyCapacity: true,
        groups: { values: ['nl'] },
      }),
    );

    expect(updated).toMatchObject({
      name: 'Utrecht flagship',
      type: 'store',
      capabilities: ['pickup', 'ship', 'same_day'],
      address: { city: 'Utrecht', country: 'NL' },
      timeZone: 'Europe/Amsterdam',
      openingHours: [{ day: 'mon', opens: '09:00', closes: '18:00' }],
      handlingCostMinor: 250,
      partnerId: 'franchise-7',
      groups: ['nl'],
    });
    expect(updated.dailyCapacity).toBeUndefined();
    await expect(
      withTenant(TENANT, () => kit.locations.updateLocation({ locationId: created.id, timeZone: 'Nowhere/Else', clearDailyCapacity: false })),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [expect.objectContaining({ field: 'timeZone' })] });
    expect(await withTenant(TENANT, () => kit.locations.getLocation({ locationId: created.id }))).toEqual(updated);
  });

  it('deactivates a location with history instead of deleting it, and deletes one that never held stock', async () => {
    const used = await withTenant(TENANT, () =>
      kit.locations.createLocation({ code: 'WH-USED', name: 'Used', type: 'warehouse', latitude: 1, longitude: 1, capabilities: [] }),
    );
    const unused = await withTenant(TENANT, () =>
      kit.locations.createLocation({ code: 'WH-EMPTY', name: 'Empty', type: 'warehouse', latitude: 1, longitude: 1, capabilities: [] }),
    );
    await withTenant(TENANT, async () => {
      await kit.items.createItem({ sku: 'HIST-1', name: 'History', productGroup: '', unitValueMinor: 1 });
      await kit.stock.receiveStock({ sku: 'HIST-1', locationId: used.id, quantity: 1, reference: 'h', reason: '' });
      await kit.stock.writeOffStock({ sku: 'HIST-1', locationId: used.id, quantity: 1, reason: 'gone', reference: 'h2' });
    });

    await expect(withTenant(TENANT, () => kit.locations.deleteLocation({ locationId: used.id }))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'LOCATION_IN_USE',
    });
    const deactivated = await withTenant(TENANT, () => kit.locations.deactivateLocation({ locationId: used.id }));
    await withTenant(TENANT, () => kit.locations.deleteLocation({ locationId: unused.id }));

    expect(deactivated.active).toBe(false);
    await expect(withTenant(TENANT, () => kit.locations.getLocation({ locationId: unused.id }))).rejects.toMatchObject({
      code: 'LOCATION_NOT_FOUND',
    });
    const active = await withTenant(TENANT, () =>
      kit.locations.listLocations({ filter: { types: ['warehouse'], capabilities: [], groups: [], partnerId: '', includeInactive: false } }),
    );
    expect(active.locations.map((l) => l.code)).not.toContain('WH-USED');
  });

  it('pages locations and items in code and SKU order', async () => {
    await withTenant(TENANT, async () => {
      for (let i = 0; i < 5; i++) {
        await kit.items.createItem({ sku: `PAGE-${i}`, name: `Page ${i}`, productGroup: 'paging', unitValueMinor: 1 });
      }
    });
    const skus: string[] = [];
    let pageToken = '';
    do {
      const page = await withTenant(TENANT, () => kit.items.listItems({ productGroup: 'paging', pageSize: 2, pageToken }));
      skus.push(...page.items.map((item) => item.sku));
      pageToken = page.nextPageToken;
    } while (pageToken);

    expect(skus).toEqual(['PAGE-0', 'PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4']);
    const firstTwo = await withTenant(TENANT, () => kit.locations.listLocations({ pageSize: 2 }));
    const rest = await withTenant(TENANT, () => kit.locations.listLocations({ pageSize: 50, pageToken: firstTwo.nextPageToken }));
    const codes = [...firstTwo.locations, ...rest.locations].map((l) => l.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });
});
