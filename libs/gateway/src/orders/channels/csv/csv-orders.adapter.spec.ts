import { DomainError } from '@baton/domain';
import type { MappedOrder } from '../channel-adapter';
import { CsvOrdersAdapter, MAX_IMPORT_ROWS, csvViolation } from './csv-orders.adapter';

const HEADER =
  'channel_order_id,customer_email,currency,ship_to_name,ship_to_line1,ship_to_city,ship_to_postal_code,ship_to_country,sku,quantity,unit_price_minor';
const row = (id: string, sku: string, quantity = '2', city = 'Utrecht') =>
  `${id},buyer@shop.example,EUR,"Shop, Utrecht",Oudegracht 1,${city},3511 AB,NL,${sku},${quantity},1250`;

describe(CsvOrdersAdapter.name, () => {
  const adapter = new CsvOrdersAdapter();

  it('groups the rows of one channel order id into one order, in order of first appearance', () => {
    const csv = [HEADER, row('B2B-2', 'SKU-A'), row('B2B-1', 'SKU-A'), row('B2B-2', 'SKU-B', '5')].join('\n');
    const result = adapter.toOrders(csv, 'b2b');
    expect(result.rejected).toEqual([]);
    expect(result.orders.map((o) => [o.channelOrderId, o.rows])).toEqual([
      ['B2B-2', [2, 4]],
      ['B2B-1', [3]],
    ]);
    expect(result.orders[0].order).toEqual({
      channel: 'b2b',
      channelOrderId: 'B2B-2',
      customerEmail: 'buyer@shop.example',
      currency: 'EUR',
      deliveryMethod: 'ship_to_address',
      shipTo: { name: 'Shop, Utrecht', line1: 'Oudegracht 1', city: 'Utrecht', postalCode: '3511 AB', country: 'NL' },
      lines: [
        { sku: 'SKU-A', quantity: 2, unitPriceMinor: 1250 },
        { sku: 'SKU-B', quantity: 5, unitPriceMinor: 1250 },
      ],
    });
  });

  it('rejects only the order with a bad row, naming the line and column', () => {
    const csv = [HEADER, row('B2B-1', 'SKU-A'), row('B2B-2', 'SKU-A', 'two'), row('B2B-3', 'SKU-A'), row('B2B-3', 'SKU-B', '1', 'Gouda')].join(
      '\r\n',
    );
    const result = adapter.toOrders(csv, 'b2b');
    expect(result.orders.map((o) => o.channelOrderId)).toEqual(['B2B-1']);
    expect(result.rejected).toEqual([
      { channelOrderId: 'B2B-2', rows: [3], errors: [{ row: 3, field: 'quantity', message: 'quantity must be a whole number' }] },
      {
        channelOrderId: 'B2B-3',
        rows: [4, 5],
        errors: [{ row: 5, field: 'ship_to_city', message: "ship_to_city differs from the order's first row (line 4)" }],
      },
    ]);
  });

  it.each([
    ['an unknown column', `${HEADER},status\n${row('B2B-1', 'A')},shipped`, 'status'],
    ['a missing column', `${HEADER.replace(',sku', '')}\nx`, 'sku'],
    ['no rows', HEADER, 'body'],
    ['nothing', '', 'body'],
    ['an unclosed quote', `${HEADER}\n"B2B-1,x`, 'body'],
  ])('refuses the whole file for %s, naming %s', (_what, csv, field) => {
    let thrown: unknown;
    try {
      adapter.toOrders(csv, 'b2b');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).violations.map((v) => v.field)).toContain(field);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const csv = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(`B-${i % 10}`, `S${i}`))].join('\n');
    expect(() => adapter.toOrders(csv, 'b2b')).toThrow(DomainError);
  });

  it('places a violation of the order rules at its row and column', () => {
    const order: MappedOrder = { channelOrderId: 'B2B-1', rows: [7, 9], order: {} };
    expect(csvViolation(order, { field: 'lines.1.quantity', message: 'quantity must not be less than 1' })).toEqual({
      row: 9,
      field: 'quantity',
      message: 'quantity must not be less than 1',
    });
    expect(csvViolation(order, { field: 'customerEmail', message: 'customerEmail must be an email' })).toMatchObject({
      row: 7,
      field: 'customer_email',
    });
    expect(csvViolation(order, { field: 'shipTo.country', message: 'bad' })).toMatchObject({ row: 7, field: 'ship_to_country' });
  });
});
