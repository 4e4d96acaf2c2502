import { FulfillmentLineEntity } from '../fulfillment/fulfillment-line.entity';
import { FulfillmentOrderEntity } from '../fulfillment/fulfillment-order.entity';
import { groupPickList } from './group-pick-list';

const work = (id: string, lines: Array<[string, string, number, number?]>) => ({
  fulfillment: Object.assign(new FulfillmentOrderEntity(), { id, orderId: `order-${id}` }),
  lines: lines.map(([lineId, sku, quantity, picked = 0]) =>
    Object.assign(new FulfillmentLineEntity(), { orderLineId: lineId, sku, quantity, pickedQuantity: picked, shortQuantity: 0, cancelledQuantity: 0 }),
  ),
});

describe(groupPickList.name, () => {
  it('groups lines of several orders by item with the total to pick', () => {
    expect(
      groupPickList([
        work('f1', [['a', 'TEE', 2], ['b', 'MUG', 1]]),
        work('f2', [['c', 'TEE', 3], ['d', 'CAP', 1, 1]]),
      ]),
    ).toEqual([
      { sku: 'MUG', quantity: 1, lines: [{ fulfillmentId: 'f1', orderId: 'order-f1', lineId: 'b', quantity: 1 }] },
      {
        sku: 'TEE',
        quantity: 5,
        lines: [
          { fulfillmentId: 'f1', orderId: 'order-f1', lineId: 'a', quantity: 2 },
          { fulfillmentId: 'f2', orderId: 'order-f2', lineId: 'c', quantity: 3 },
        ],
      },
    ]);
  });
});
