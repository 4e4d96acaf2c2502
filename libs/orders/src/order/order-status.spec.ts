import { customerStatus, deriveLineStatus, deriveOrderStatus, type LineProgress } from './order-status';

const line = (overrides: Partial<LineProgress> = {}): LineProgress => ({
  status: 'sourced',
  deliveryMethod: 'ship_to_address',
  quantity: 3,
  cancelledQuantity: 0,
  shippedQuantity: 0,
  readyQuantity: 0,
  deliveredQuantity: 0,
  returnedQuantity: 0,
  backorderedQuantity: 0,
  ...overrides,
});

describe(deriveLineStatus.name, () => {
  it.each<[Partial<LineProgress>, string]>([
    [{}, 'sourced'],
    [{ cancelledQuantity: 3 }, 'cancelled'],
    [{ cancelledQuantity: 1 }, 'partially_cancelled'],
    [{ backorderedQuantity: 1 }, 'backordered'],
    [{ shippedQuantity: 1 }, 'partially_shipped'],
    [{ shippedQuantity: 3 }, 'shipped'],
    [{ shippedQuantity: 2, cancelledQuantity: 1 }, 'shipped'],
    [{ shippedQuantity: 3, deliveredQuantity: 3 }, 'delivered'],
    [{ deliveryMethod: 'click_and_collect', readyQuantity: 3 }, 'ready_for_pickup'],
    [{ deliveryMethod: 'click_and_collect', readyQuantity: 3, deliveredQuantity: 1 }, 'partially_shipped'],
    [{ deliveryMethod: 'ship_to_store', readyQuantity: 3, deliveredQuantity: 3 }, 'collected'],
    [{ shippedQuantity: 3, deliveredQuantity: 3, returnedQuantity: 1 }, 'partially_returned'],
    [{ shippedQuantity: 3, deliveredQuantity: 3, returnedQuantity: 3 }, 'returned'],
    [{ status: 'completed', shippedQuantity: 3, deliveredQuantity: 3 }, 'completed'],
  ])('a line with %j is %s', (overrides, expected) => {
    expect(deriveLineStatus(line(overrides))).toBe(expected);
  });
});

describe(deriveOrderStatus.name, () => {
  const s = (...statuses: LineProgress['status'][]) => statuses.map((status) => ({ status }));

  it.each<[ReturnType<typeof s>, boolean, string]>([
    [s('sourced', 'sourced'), false, 'sourced'],
    [s('sourced', 'sourced'), true, 'on_hold'],
    [s('cancelled', 'cancelled'), true, 'cancelled'],
    [s('sourced', 'cancelled'), false, 'partially_cancelled'],
    [s('sourced', 'backordered'), false, 'backordered'],
    [s('shipped', 'sourced'), false, 'partially_shipped'],
    [s('shipped', 'ready_for_pickup'), false, 'ready_for_pickup'],
    [s('shipped', 'cancelled'), false, 'shipped'],
    [s('delivered', 'collected'), false, 'delivered'],
    [s('collected', 'cancelled'), false, 'collected'],
    [s('delivered', 'partially_returned'), false, 'partially_returned'],
  ])('lines %j (held: %s) make the order %s', (lines, held, expected) => {
    expect(deriveOrderStatus(lines, held, 'sourced')).toBe(expected);
  });
});

describe(customerStatus.name, () => {
  it('tells the promised date while confirmed and what is backordered until when, never why it is held', () => {
    expect(customerStatus('sourced', [], '2026-12-03')).toBe('Confirmed, expected 2026-12-03');
    expect(customerStatus('partially_shipped', [{ backorderedQuantity: 2, expectedDate: '2026-12-09' }], null)).toBe(
      'Partly on its way; 2 items backordered until 2026-12-09',
    );
    expect(customerStatus('on_hold', [], '2026-12-03')).toBe('Being reviewed');
  });
});
