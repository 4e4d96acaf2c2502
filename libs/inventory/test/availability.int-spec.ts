import type { inventoryV1 } from '@baton/contracts';
import { withTenant } from '@baton/testing';
import { AvailabilityService } from '../src/availability/availability.service';
import { haversineKm } from '../src/availability/distance';
import { type InventoryKit, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-atp';
const AMSTERDAM = { latitude: 52.3731, longitude: 4.8922 };

const NETWORK = [
  { code: 'WH-NL', type: 'warehouse', latitude: 52.09, longitude: 5.12, capabilities: ['ship'], groups: ['nl'], partnerId: '' },
  { code: 'ST-AMS', type: 'store', latitude: 52.3731, longitude: 4.8922, capabilities: ['ship', 'pickup'], groups: ['nl', 'randstad'], partnerId: 'franchise-a' },
  { code: 'ST-RTM', type: 'store', latitude: 51.9244, longitude: 4.4777, capabilities: ['pickup'], groups: ['nl', 'randstad'], partnerId: 'franchise-b' },
  { code: 'ST-BER', type: 'store', latitude: 52.52, longitude: 13.405, capabilities: ['ship', 'pickup'], groups: ['de'], partnerId: '' },
  { code: 'SUP-DROP', type: 'supplier', latitude: 48.85, longitude: 2.35, capabilities: ['ship'], groups: [], partnerId: '' },
];

function filter(overrides: Partial<inventoryV1.AvailabilityFilter> = {}): inventoryV1.AvailabilityFilter {
  return { locationTypes: [], capabilities: [], groups: [], locationIds: [], excludeLocationIds: [], radiusKm: 0, nearest: 0, asOf: '', includeUnavailable: false, ...overrides };
}

describe(AvailabilityService.name, () => {
  let kit: InventoryKit;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_atp');
    await withTenant(TENANT, async () => {
      for (const [index, location] of NETWORK.entries()) {
        const created = await kit.locations.createLocation({
          code: location.code,
          name: location.code,
          type: location.type,
          latitude: location.latitude,
          longitude: location.longitude,
          capabilities: location.capabilities,
          details: {
            address: undefined,
            timeZone: 'Europe/Amsterdam',
            openingHours: [],
            dailyCapacity: 100 + index,
            handlingCostMinor: 50 * index,
            partnerId: location.partnerId,
            groups: location.groups,
          },
        });
        ids.set(location.code, created.id);
      }
      for (const sku of ['TEE', 'MUG', 'CAP']) await kit.items.createItem({ sku, name: sku, productGroup: 'demo', unitValueMinor: 100 });
      const stock: Array<[string, string, number]> = [
        ['TEE', 'WH-NL', 50], ['TEE', 'ST-AMS', 3], ['TEE', 'ST-RTM', 2], ['TEE', 'ST-BER', 9], ['TEE', 'SUP-DROP', 100],
        ['MUG', 'ST-AMS', 1], ['MUG', 'ST-BER', 4],
      ];
      for (const [sku, code, quantity] of stock) {
        await kit.stock.receiveStock({ sku, locationId: ids.get(code)!, quantity, reference: `open-${sku}-${code}`, reason: '' });
      }
      await kit.reservations.reservePlan({ orderId: 'hold', lines: [{ lineId: '1', sku: 'MUG', locationId: ids.get('ST-AMS')!, quantity: 1 }], ttlSeconds: 0 });
    });
  });

  afterAll(async () => {
    await kit?.close();
  });

  const cart = (skus: string[], overrides: Partial<inventoryV1.AvailabilityFilter> = {}) =>
    withTenant(TENANT, () => kit.availability.getCartAvailability({ skus, filter: filter(overrides) }));
  const codes = (answer: inventoryV1.SkuAvailability) => answer.locations.map((l) => l.locationCode);

  it('answers a cart per SKU and location, leaving out locations with nothing to promise unless asked', async () => {
    const { skus } = await cart(['TEE', 'MUG', 'CAP']);

    expect(skus.map((s) => [s.sku, s.totalAvailable])).toEqual([
      ['TEE', 164],
      ['MUG', 4],
      ['CAP', 0],
    ]);
    expect(codes(skus[1])).toEqual(['ST-BER']);
    expect(skus[0].locations.find((l) => l.locationCode === 'ST-AMS')).toMatchObject({
      locationType: 'store',
      capabilities: ['ship', 'pickup'],
      groups: ['nl', 'randstad'],
      onHand: 3,
      reserved: 0,
      available: 3,
      dailyCapacity: 101,
      handlingCostMinor: 50,
      partnerId: 'franchise-a',
      timeZone: 'Europe/Amsterdam',
    });
    expect(codes((await cart(['MUG'], { includeUnavailable: true })).skus[0])).toEqual(['ST-AMS', 'ST-BER']);
  });

  it('restricts by location type, every capability, any group, ids and exclusions', async () => {
    expect(codes((await cart(['TEE'], { locationTypes: ['store'] })).skus[0])).toEqual(['ST-AMS', 'ST-BER', 'ST-RTM']);
    expect(codes((await cart(['TEE'], { capabilities: ['ship', 'pickup'] })).skus[0])).toEqual(['ST-AMS', 'ST-BER']);
    expect(codes((await cart(['TEE'], { groups: ['randstad', 'de'] })).skus[0])).toEqual(['ST-AMS', 'ST-BER', 'ST-RTM']);
    expect(codes((await cart(['TEE'], { locationIds: [ids.get('WH-NL')!, ids.get('ST-BER')!], excludeLocationIds: [ids.get('ST-BER')!] })).skus[0])).toEqual([
      'WH-NL',
    ]);
  });

  it('names distances from a point, nearest first, within a radius or the nearest N', async () => {
    const near = await cart(['TEE'], { near: AMSTERDAM });
    const withinHundred = await cart(['TEE'], { near: AMSTERDAM, radiusKm: 100 });
    const nearestTwo = await cart(['TEE'], { near: AMSTERDAM, nearest: 2 });

    expect(codes(near.skus[0])).toEqual(['ST-AMS', 'WH-NL', 'ST-RTM', 'SUP-DROP', 'ST-BER']);
    const rotterdam = near.skus[0].locations.find((l) => l.locationCode === 'ST-RTM')!;
    expect(rotterdam.distanceKm).toBeCloseTo(haversineKm(AMSTERDAM, NETWORK[2]), 2);
    expect(codes(withinHundred.skus[0])).toEqual(['ST-AMS', 'WH-NL', 'ST-RTM']);
    expect(codes(nearestTwo.skus[0])).toEqual(['ST-AMS', 'WH-NL']);
    expect((await cart(['TEE'])).skus[0].locations[0].distanceKm).toBeUndefined();
  });

  it('keeps the one-SKU answer orders has always read: every position at active locations, in code order', async () => {
    await withTenant(TENANT, () => kit.locations.deactivateLocation({ locationId: ids.get('SUP-DROP')! }));
    const positions = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: 'MUG' }));
    const tee = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: 'TEE' }));
    await withTenant(TENANT, () => kit.locations.reactivateLocation({ locationId: ids.get('SUP-DROP')! }));

    expect(positions.map((p) => [p.locationId, p.available])).toEqual([
      [ids.get('ST-AMS'), 0],
      [ids.get('ST-BER'), 4],
    ]);
    expect(tee.map((p) => p.locationId)).not.toContain(ids.get('SUP-DROP'));
  });

  it('names every bad filter field', async () => {
    await expect(
      withTenant(TENANT, () =>
        kit.availability.getCartAvailability({
          skus: ['TEE', 'TEE'],
          filter: filter({ locationTypes: ['castle'], capabilities: ['fly'], radiusKm: 5, nearest: -1, asOf: 'soon' }),
        }),
      ),
    ).rejects.toMatchObject({
      kind: 'invalid',
      violations: ['skus[1]', 'filter.locationTypes[0]', 'filter.capabilities[0]', 'filter.radiusKm', 'filter.nearest', 'filter.nearest', 'filter.asOf'].map(
        (field) => expect.objectContaining({ field }),
      ),
    });
  });
});
