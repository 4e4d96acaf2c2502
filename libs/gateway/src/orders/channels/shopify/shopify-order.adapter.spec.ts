import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShopifyOrderAdapter } from './shopify-order.adapter';

const fixture = (): Record<string, any> =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/shopify-orders-create.json'), 'utf8'));

describe(ShopifyOrderAdapter.name, () => {
  const adapter = new ShopifyOrderAdapter();

  it("maps Shopify's orders/create payload to one Baton order with exact minor units", () => {
    const result = adapter.toOrders(fixture(), 'shopify');
    expect(result.rejected).toEqual([]);
    expect(result.orders).toEqual([
      {
        channelOrderId: '820982911946154508',
        rows: [],
        order: {
          channel: 'shopify',
          channelOrderId: '820982911946154508',
          customerEmail: 'jon@example.com',
          currency: 'EUR',
          deliveryMethod: 'ship_to_address',
          shipTo: {
            name: 'Steve Shipper',
            line1: 'Damrak 1',
            line2: '',
            city: 'Amsterdam',
            postalCode: '1012 LG',
            country: 'NL',
            latitude: 52.3731,
            longitude: 4.8926,
          },
          lines: [
            { sku: 'IPOD2008PINK', quantity: 1, unitPriceMinor: 19900 },
            { sku: 'IPOD2008BLUE', quantity: 2, unitPriceMinor: 9950 },
          ],
        },
      },
    ]);
  });

  it('takes the order id from the GraphQL id, exactly, not from the (rounded) JSON number', () => {
    const payload = fixture();
    expect(String(payload.id)).not.toBe('820982911946154508');
    expect(adapter.toOrders(payload, 'shopify').orders[0].channelOrderId).toBe('820982911946154508');
    delete payload.admin_graphql_api_id;
    payload.id = 5940139491234;
    expect(adapter.toOrders(payload, 'shopify').orders[0].channelOrderId).toBe('5940139491234');
  });

  it('uses zero decimals for JPY', () => {
    const payload: Record<string, any> = { ...fixture(), currency: 'JPY' };
    payload.line_items = [{ sku: 'A', quantity: 1, price: '1500' }];
    expect(adapter.toOrders(payload, 'shopify').orders[0].order.lines).toEqual([{ sku: 'A', quantity: 1, unitPriceMinor: 1500 }]);
  });

  it('rejects an order it cannot map, naming every Shopify field at fault', () => {
    const payload = fixture();
    payload.line_items[1].sku = null;
    payload.line_items[0].price = '19.999';
    payload.shipping_address = null;
    payload.email = null;
    payload.contact_email = null;
    payload.customer = null;
    const result = adapter.toOrders(payload, 'shopify');
    expect(result.orders).toEqual([]);
    expect(result.rejected[0].errors.map((e) => e.field).sort()).toEqual(
      ['email', 'line_items.0.price', 'line_items.1.sku', 'shipping_address'].sort(),
    );
  });

  it.each([null, [], 'order', 42])('rejects a body that is not an order object (%j)', (body) => {
    const result = adapter.toOrders(body, 'shopify');
    expect(result.orders).toEqual([]);
    expect(result.rejected[0].errors.length).toBeGreaterThan(0);
  });
});
