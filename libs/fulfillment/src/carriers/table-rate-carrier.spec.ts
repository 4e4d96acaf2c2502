import { DEFAULT_CARRIER_TABLES } from './default-carrier-tables';
import { CarrierRegistry } from './carrier-registry';
import { parseTableRateCarriers } from './table-rate-config';
import { TableRateCarrier } from './table-rate-carrier';
import { isTrackingNumber, luhnCheckDigit, newTrackingNumber } from './tracking-number';

const carriers = parseTableRateCarriers(DEFAULT_CARRIER_TABLES).map((c) => new TableRateCarrier(c));
const registry = new CarrierRegistry(carriers);
const parcel = carriers[0];

describe(TableRateCarrier.name, () => {
  it('lists its services with their capabilities', () => {
    expect(registry.services().map((s) => `${s.carrierId}:${s.serviceCode}`)).toEqual([
      'baton-parcel:standard',
      'baton-parcel:express',
      'city-courier:same-day',
      'city-courier:time-window',
      'baton-freight:pallet',
    ]);
    expect(registry.findService('baton-freight/pallet')).toMatchObject({ maxWeightGrams: 1_000_000, insuredValueLimitMinor: 2_500_000 });
  });

  it('creates a shipment with a checked tracking number, a PDF and a ZPL label', async () => {
    const created = await parcel.createShipment({
      serviceCode: 'standard',
      shipmentId: 's1',
      origin: { locationId: 'wh-1' },
      destination: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      parcel: { weightGrams: 1000, lengthMm: 100, widthMm: 100, heightMm: 100, valueMinor: 100 },
      packageNo: 1,
      packageCount: 1,
      orderId: 'o1',
      fulfillmentId: 'f1',
      insuredValueMinor: 100,
    });
    expect(isTrackingNumber(created.trackingNumber, 'BP')).toBe(true);
    expect(created.labelPdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(created.labelZpl).toContain(`^FD${created.trackingNumber}^FS`);
  });

  it('reads tracking updates in the normalised shape and refuses malformed ones', () => {
    const trackingNumber = newTrackingNumber('BP');
    expect(parcel.parseTrackingUpdate({ trackingNumber, status: 'delivered', occurredAt: '2026-11-19T10:00:00Z' })).toEqual({
      trackingNumber,
      status: 'delivered',
      occurredAt: new Date('2026-11-19T10:00:00Z'),
      detail: '',
    });
    expect(() => parcel.parseTrackingUpdate({ trackingNumber: 'CC0000000000000', status: 'lost', occurredAt: 'yesterday' })).toThrow(
      /trackingNumber is not a Baton Parcel tracking number; status must be one of .*; occurredAt must be an ISO 8601 instant/,
    );
  });

  it('picks the reference service of a delivery for due times', () => {
    expect(registry.referenceService({})).toMatchObject({ carrierId: 'baton-parcel', serviceCode: 'standard' });
    expect(registry.referenceService({ sameDay: true })).toMatchObject({ serviceCode: 'same-day' });
    expect(registry.referenceService({ timeWindow: true })).toMatchObject({ serviceCode: 'time-window' });
    expect(registry.referenceService({}, 'baton-freight:pallet')).toMatchObject({ serviceCode: 'pallet' });
    expect(registry.referenceService({}, 'nobody:nothing')).toMatchObject({ serviceCode: 'standard' });
  });

  it('leaves out a carrier that fails to quote instead of failing the quote', async () => {
    const broken = { ...carriers[1], id: 'broken', quote: async () => Promise.reject(new Error('down')), services: () => [] };
    const withBroken = new CarrierRegistry([carriers[0], broken as unknown as TableRateCarrier]);
    const quotes = await withBroken.quote({
      destination: { postalCode: '1012', country: 'NL' },
      parcels: [{ weightGrams: 1000, lengthMm: 1, widthMm: 1, heightMm: 1, valueMinor: 1 }],
      readyAt: new Date(),
      requirement: {},
    });
    expect(quotes.map((q) => q.serviceCode)).toEqual(['standard', 'express']);
    expect(() => withBroken.get('nobody')).toThrow(expect.objectContaining({ code: 'CARRIER_NOT_FOUND' }));
  });
});

describe('tracking numbers', () => {
  it('end in a Luhn check digit that catches a mistyped digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    const number = newTrackingNumber('CC');
    expect(number).toMatch(/^CC\d{13}$/);
    expect(isTrackingNumber(number, 'CC')).toBe(true);
    const typo = `${number.slice(0, 5)}${(Number(number[5]) + 1) % 10}${number.slice(6)}`;
    expect(isTrackingNumber(typo, 'CC')).toBe(false);
    expect(isTrackingNumber(number, 'BP')).toBe(false);
  });
});
