import 'reflect-metadata';
import { morningClock, refusal, seedNetwork, startOrders, type OrdersUnderTest } from './orders-test-kit';

describe('delivery promise (dry run)', () => {
  let t: OrdersUnderTest;

  beforeAll(async () => {
    t = await startOrders('orders promise', { clock: morningClock() });
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => {
    t.state.reset();
    seedNetwork(t.state);
    t.state.location('st-haarlem', { type: 'store', capabilities: ['ship', 'pickup'], latitude: 52.3874, longitude: 4.6462, handlingCostMinor: 250 });
    t.state.location('st-utrecht', { type: 'store', capabilities: ['ship', 'pickup'], latitude: 52.0907, longitude: 5.1214, handlingCostMinor: 250 });
    t.state.put('TSHIRT', 'wh-rotterdam', 10);
    t.state.put('TSHIRT', 'st-amsterdam', 2);
    t.state.put('TSHIRT', 'st-haarlem', 2);
    t.state.put('TSHIRT', 'st-utrecht', 2);
    t.state.put('MUG', 'st-utrecht', 1);
    t.state.put('MUG', 'st-haarlem', 1);
  });

  const amsterdam = { name: '', line1: '', line2: '', city: 'Amsterdam', postalCode: '1012', country: 'NL', latitude: 52.3731, longitude: 4.8926 };
  const promise = (lines: Array<{ sku: string; quantity: number }>, deliveryMethods: string[] = []) =>
    t.call('promiseDelivery', {
      lines: lines.map((l) => ({ ...l, unitPriceMinor: 1999 })),
      currency: 'EUR',
      destination: amsterdam,
      deliveryMethods,
      maxStores: 2,
    });

  it('answers per method whether it is possible, the earliest date and the cost, and the nearest stores that can serve today', async () => {
    const answer = await promise([
      { sku: 'TSHIRT', quantity: 1 },
      { sku: 'MUG', quantity: 1 },
    ]);
    const byMethod = new Map(answer.options.map((o) => [o.deliveryMethod, o]));
    expect([...byMethod.keys()]).toEqual(['ship_to_address', 'same_day', 'click_and_collect']);
    expect(byMethod.get('ship_to_address')).toMatchObject({ possible: true, shipments: 1, carrierServiceId: 'baton-parcel:standard' });
    expect(byMethod.get('ship_to_address')?.earliestDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byMethod.get('same_day')).toMatchObject({ possible: false });
    expect(byMethod.get('same_day')?.unfulfillable.map((u) => u.reason)).toContain('NO_ELIGIBLE_LOCATION');
    expect(byMethod.get('click_and_collect')?.stores.map((s) => s.locationId)).toEqual(['st-haarlem', 'st-utrecht']);
    expect(byMethod.get('click_and_collect')).toMatchObject({ possible: true, costMinor: 250 });
    expect(t.state.reserveCalls).toHaveLength(0);
  });

  it('offers same-day from the store in town for what it holds', async () => {
    const answer = await promise([{ sku: 'TSHIRT', quantity: 2 }], ['same_day']);
    expect(answer.options[0]).toMatchObject({ deliveryMethod: 'same_day', possible: true, carrierServiceId: 'city-courier:same-day', costMinor: 895 + 300 });
  });

  it('refuses a malformed cart naming the fields', async () => {
    const error = await refusal(
      t.call('promiseDelivery', {
        lines: [{ sku: '', quantity: 0, unitPriceMinor: -1 }],
        currency: 'eur',
        destination: { ...amsterdam, country: 'Netherlands' },
        deliveryMethods: ['pigeon', 'ship_to_store'],
        maxStores: 99,
      }),
    );
    expect(error.violations.map((v) => v.field)).toEqual([
      'lines[0].sku',
      'lines[0].quantity',
      'lines[0].unitPriceMinor',
      'currency',
      'destination.country',
      'deliveryMethods[0]',
      'pickupLocationId',
      'maxStores',
    ]);
  });
});
