import type { Carrier, CarrierQuote, CreatedShipment, RateRequest } from '../src';
import { FulfillmentKit } from './fulfillment-test-kit';

/** A carrier whose second label fails: the shipping saga must cancel the first. */
class FlakyCarrier implements Carrier {
  readonly id = 'flaky';
  readonly name = 'Flaky Express';
  readonly cancelled: string[] = [];
  labels = 0;
  failOnLabel = 2;

  services() {
    return [];
  }

  async quote(request: RateRequest): Promise<CarrierQuote[]> {
    return [
      {
        carrierId: this.id,
        serviceCode: 'cheap',
        serviceName: 'Cheap',
        zone: 'any',
        priceMinor: 1,
        currency: 'EUR',
        transitDays: 1,
        cutoff: '23:59',
        shipAt: request.readyAt,
        estimatedDeliveryAt: new Date(request.readyAt.getTime() + 86_400_000),
        insuredValueLimitMinor: 10_000_000,
        sameDay: false,
        timeWindow: false,
        meetsRequirement: true,
        billableWeightGrams: request.parcels[0].weightGrams,
      },
    ];
  }

  async createShipment(): Promise<CreatedShipment> {
    this.labels++;
    if (this.labels === this.failOnLabel) throw new Error('carrier API timed out');
    return { trackingNumber: `FLAKY${this.labels}`, labelPdf: Buffer.from('%PDF-1.4'), labelZpl: '^XA^XZ' };
  }

  async cancelShipment(trackingNumber: string): Promise<void> {
    this.cancelled.push(trackingNumber);
  }

  parseTrackingUpdate(): never {
    throw new Error('not used');
  }
}

describe('fulfillment: carriers — services, quotes, and the label saga', () => {
  const flaky = new FlakyCarrier();
  const kit = new FulfillmentKit(undefined, [flaky]);

  beforeAll(async () => {
    await kit.start('fulfillment carriers');
  });

  afterAll(async () => {
    await kit.stop();
  });

  it('lists every service of the built-in parcel, same-day courier and freight carriers', async () => {
    const { services } = await kit.call('listCarrierServices', {});
    expect(services.map((s) => `${s.carrierId}:${s.serviceCode}`)).toEqual(
      expect.arrayContaining(['baton-parcel:standard', 'baton-parcel:express', 'city-courier:same-day', 'city-courier:time-window', 'baton-freight:pallet']),
    );
    expect(services.find((s) => s.serviceCode === 'same-day')).toMatchObject({ sameDay: true, cutoff: '14:00', timezone: 'Europe/Amsterdam', transitDays: 0 });
  });

  it('quotes for sourcing, ranked by a strategy, with the same-day requirement honoured', async () => {
    await kit.call('configureLocation', {
      locationId: 'store-q',
      dailyCapacity: 0,
      timezone: 'Europe/Amsterdam',
      address: { name: 'Store', line1: 'Kalverstraat 1', line2: '', city: 'Amsterdam', postalCode: '1012 NX', country: 'NL', latitude: 52.37, longitude: 4.89 },
    });
    const request = {
      originLocationId: 'store-q',
      origin: undefined,
      destination: { name: 'Ada', line1: 'Grote Markt 1', line2: '', city: 'Haarlem', postalCode: '2011 RD', country: 'NL', latitude: 52.381, longitude: 4.636 },
      parcels: [{ weightGrams: 2500, lengthMm: 300, widthMm: 200, heightMm: 150, valueMinor: 8000 }],
      deliveryMethod: 'same_day',
      windowStart: '',
      windowEnd: '',
      readyAt: '2026-11-18T10:00:00Z',
      strategy: 'cheapest',
    };
    const builtIn = async (body: typeof request) => (await kit.call('quoteCarrierServices', body)).quotes.filter((q) => q.carrierId !== 'flaky');
    const quotes = await builtIn(request);
    expect(quotes[0]).toMatchObject({ carrierId: 'city-courier', serviceCode: 'same-day', zone: 'city', meetsRequirement: true, priceMinor: 895 });
    expect(quotes.find((q) => q.serviceCode === 'standard')).toMatchObject({ meetsRequirement: false });
    const afternoon = await builtIn({ ...request, readyAt: '2026-11-18T14:00:00Z' });
    expect(afternoon.filter((q) => q.meetsRequirement).map((q) => q.serviceCode)).toEqual(['time-window']);
    const evening = await builtIn({ ...request, readyAt: '2026-11-18T16:00:00Z' });
    expect(evening.filter((q) => q.meetsRequirement)).toEqual([]);
    expect(evening.find((q) => q.serviceCode === 'same-day')?.estimatedDeliveryAt).toBe('2026-11-19T21:00:00.000Z');
    await expect(
      kit.refusal('quoteCarrierServices', { ...request, destination: { ...request.destination, country: 'Netherlands' }, parcels: [], strategy: 'slowest' }),
    ).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('cancels the labels already bought when a later one fails, and ships nothing', async () => {
    const [work] = (await kit.place([{ sku: 'TEE', quantity: 2, locationId: 'wh-c' }])).fulfillments;
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    await kit.pickAll(work);
    const lineId = work.lines[0].lineId;
    await kit.call('packFulfillment', {
      fulfillmentId: work.id,
      packages: [
        { weightGrams: 500, lengthMm: 100, widthMm: 100, heightMm: 100, lines: [{ lineId, quantity: 1 }] },
        { weightGrams: 500, lengthMm: 100, widthMm: 100, heightMm: 100, lines: [{ lineId, quantity: 1 }] },
      ],
    });
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: 'cheapest' })).resolves.toMatchObject({
      code: 'CARRIER_FAILED',
      kind: 'unavailable',
      details: expect.objectContaining({ carrierId: 'flaky', packageNo: 2 }),
    });
    expect(flaky.cancelled).toEqual(['FLAKY1']);
    expect((await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment).toMatchObject({ status: 'packed', shipments: [] });
    expect(await kit.count(`SELECT count(*) AS n FROM shipments WHERE fulfillment_id = $1`, [work.id])).toBe(0);
    expect(await kit.data('fulfillment.fulfillment.shipped.v1', work.id)).toEqual([]);

    flaky.failOnLabel = 0;
    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: 'cheapest' })).fulfillment;
    expect(shipped?.shipments.map((s) => s.trackingNumber)).toEqual(['FLAKY3', 'FLAKY4']);
  });

  it('cancels the labels when another ship of the same work won the race', async () => {
    const [work] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-c' }])).fulfillments;
    await kit.readyToShip(work);
    const cancelledBefore = flaky.cancelled.length;
    const labelsBefore = flaky.labels;
    const results = await Promise.allSettled([1, 2, 3].map(() => kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await kit.count(`SELECT count(*) AS n FROM shipments WHERE fulfillment_id = $1`, [work.id])).toBe(1);
    expect(await kit.data('fulfillment.fulfillment.shipped.v1', work.id)).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers.every((r) => r.reason.code === 'ILLEGAL_TRANSITION')).toBe(true);
    expect(flaky.labels - labelsBefore - (flaky.cancelled.length - cancelledBefore)).toBe(1);
  });
});
