import { ValidationError } from '@baton/domain';
import type { ordersV1 } from '@baton/contracts';
import { validatePlaceOrder } from './place-order.validation';

function request(overrides: Partial<ordersV1.PlaceOrderRequest> = {}): ordersV1.PlaceOrderRequest {
  return {
    channel: 'web',
    channelOrderId: 'W-1001',
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Main St 1', line2: '', city: 'Berlin', postalCode: '10115', country: 'DE' },
    lines: [
      { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999 },
      { sku: 'SKU-2', quantity: 1, unitPriceMinor: 0 },
    ],
    ...overrides,
  };
}

function violatedFields(input: ordersV1.PlaceOrderRequest): string[] {
  try {
    validatePlaceOrder(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => v.field);
  }
  throw new Error('expected the request to be refused');
}

describe(validatePlaceOrder.name, () => {
  it('accepts a complete order and totals it in minor units', () => {
    const command = validatePlaceOrder(request());
    expect(command.totalMinor).toBe(3998);
    expect(command.shipTo).toEqual({ name: 'Ada Lovelace', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' });
    expect(command.lines).toEqual([
      { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999, taxMinor: 0, discountMinor: 0, deliveryMethod: 'ship_to_address', destinationLocationId: null, unitWeightGrams: 0 },
      { sku: 'SKU-2', quantity: 1, unitPriceMinor: 0, taxMinor: 0, discountMinor: 0, deliveryMethod: 'ship_to_address', destinationLocationId: null, unitWeightGrams: 0 },
    ]);
    expect(command).toMatchObject({ deliveryMethod: 'ship_to_address', priority: 5, sourcingPreference: null, payment: null, fraudScore: null });
  });

  it('trims text and keeps optional address fields that were given', () => {
    const command = validatePlaceOrder(
      request({
        channel: ' web ',
        shipTo: { name: 'A', line1: 'B', line2: ' 2nd floor ', city: 'C', postalCode: '1', country: 'DE', latitude: 52.5, longitude: 13.4 },
      }),
    );
    expect(command.channel).toBe('web');
    expect(command.shipTo).toMatchObject({ line2: '2nd floor', latitude: 52.5, longitude: 13.4 });
  });

  it('names every missing header field at once', () => {
    expect(violatedFields(request({ channel: '', channelOrderId: ' ', customerEmail: '', currency: '' }))).toEqual([
      'channel',
      'channelOrderId',
      'customerEmail',
      'currency',
    ]);
  });

  it.each([
    ['customerEmail', { customerEmail: 'not-an-email' }],
    ['currency', { currency: 'EURO' }],
    ['currency', { currency: 'eur' }],
    ['deliveryMethod', { deliveryMethod: 'teleport' }],
    ['deliveryMethod', { deliveryMethod: '' }],
    ['lines[0].destinationLocationId', { deliveryMethod: 'click_and_collect', lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1 }] }],
    ['requestedWindow', { deliveryMethod: 'scheduled_window', lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1 }] }],
    ['priority', { priority: 10 }],
    ['fraudScore', { fraudScore: 101 }],
    ['sourcingPreference', { sourcingPreference: 'random' }],
    ['channel', { channel: 'Web Shop' }],
    ['customer.phone', { customer: { id: '', name: '', phone: 'call me' } }],
    ['payment.reference', { payment: { reference: '', authorisedMinor: 1, method: '' } }],
    ['shipTo', { shipTo: undefined }],
    ['lines', { lines: [] }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(violatedFields(request(overrides as Partial<ordersV1.PlaceOrderRequest>))).toEqual([field]);
  });

  it('names bad address fields by path', () => {
    const fields = violatedFields(
      request({
        shipTo: { name: '', line1: '', line2: '', city: '', postalCode: '', country: 'Germany', latitude: 91, longitude: 10 },
      }),
    );
    expect(fields.sort()).toEqual(
      ['shipTo.city', 'shipTo.country', 'shipTo.latitude', 'shipTo.line1', 'shipTo.name', 'shipTo.postalCode'].sort(),
    );
  });

  it('names bad lines by index', () => {
    const fields = violatedFields(
      request({
        lines: [
          { sku: 'OK', quantity: 1, unitPriceMinor: 100 },
          { sku: '', quantity: 0, unitPriceMinor: -1 },
          { sku: 'X', quantity: 1.5, unitPriceMinor: 10.25 },
        ],
      }),
    );
    expect(fields).toEqual([
      'lines[1].sku',
      'lines[1].quantity',
      'lines[1].unitPriceMinor',
      'lines[2].quantity',
      'lines[2].unitPriceMinor',
    ]);
  });

  it('accepts a mixed cart and needs an address only when a line is delivered to one', () => {
    const collectOnly = validatePlaceOrder(
      request({
        shipTo: undefined,
        deliveryMethod: 'click_and_collect',
        destinationLocationId: 'st-1',
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    expect(collectOnly).toMatchObject({ shipTo: null, deliveryMethod: 'click_and_collect', lines: [{ destinationLocationId: 'st-1' }] });
    const mixed = validatePlaceOrder(
      request({
        lines: [
          { sku: 'A', quantity: 1, unitPriceMinor: 100, deliveryMethod: 'click_and_collect', destinationLocationId: 'st-1' },
          { sku: 'B', quantity: 1, unitPriceMinor: 100 },
        ],
      }),
    );
    expect(mixed.deliveryMethod).toBe('mixed');
  });

  it('totals tax and discount exactly and refuses a discount larger than the line', () => {
    const command = validatePlaceOrder(request({ lines: [{ sku: 'A', quantity: 3, unitPriceMinor: 1000, taxMinor: 333, discountMinor: 100 }] }));
    expect(command).toMatchObject({ subtotalMinor: 3000, taxMinor: 333, discountMinor: 100, totalMinor: 3233 });
    expect(violatedFields(request({ lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, discountMinor: 101 }] }))).toEqual(['lines[0].discountMinor']);
    expect(violatedFields(request({ lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, currency: 'USD' }] }))).toEqual(['lines[0].currency']);
  });

  it('refuses a total that cannot be represented exactly', () => {
    expect(violatedFields(request({ lines: [{ sku: 'A', quantity: 1_000_000, unitPriceMinor: Number.MAX_SAFE_INTEGER }] }))).toEqual([
      'lines',
    ]);
  });

  it('carries kind invalid and code VALIDATION_FAILED', () => {
    expect(() => validatePlaceOrder(request({ currency: 'X' }))).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'VALIDATION_FAILED' }),
    );
  });
});
