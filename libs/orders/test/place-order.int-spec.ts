import 'reflect-metadata';
import type { ordersV1 } from '@baton/contracts';
import { waitFor, withTenant } from '@baton/testing';
import { TENANT, placeRequest, refusal, seedNetwork, startOrders, type OrdersUnderTest } from './orders-test-kit';

describe('orders PlaceOrder and GetOrder over gRPC', () => {
  let t: OrdersUnderTest;

  beforeAll(async () => {
    t = await startOrders('orders place');
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => {
    t.state.reset();
    seedNetwork(t.state);
    t.state.put('TSHIRT', 'wh-utrecht', 10);
    t.state.put('TSHIRT', 'wh-rotterdam', 10);
    t.state.put('TSHIRT', 'st-amsterdam', 1);
    t.state.put('MUG', 'st-amsterdam', 5);
  });

  const ordersWith = (channelOrderId: string) => t.count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [channelOrderId]);

  it('sources, reserves, commits and confirms an order with its history, its decision and one placed event', async () => {
    const response = await t.call('placeOrder', placeRequest({ channelOrderId: 'W-1001' }));

    expect(response.created).toBe(true);
    const order = response.order as ordersV1.Order;
    expect(order).toMatchObject({ channel: 'web', channelOrderId: 'W-1001', status: 'sourced', totalMinor: 2 * 1999 + 899, deliveryMethod: 'ship_to_address' });
    expect(order.lines.map((l) => [l.sku, l.quantity, l.locationId, l.status])).toEqual([
      ['TSHIRT', 2, 'wh-rotterdam', 'sourced'],
      ['MUG', 1, 'st-amsterdam', 'sourced'],
    ]);
    expect(order.lines[0].allocations?.items).toEqual([
      expect.objectContaining({ id: order.lines[0].id, locationId: 'wh-rotterdam', quantity: 2, status: 'confirmed', carrierServiceId: 'baton-parcel:standard' }),
    ]);

    expect(t.state.reserveCalls).toHaveLength(1);
    const [call] = t.state.reserveCalls;
    expect(call.tenantId).toBe(TENANT);
    expect(call.request).toMatchObject({ orderId: order.id, ttlSeconds: 900 });
    expect(call.request.lines.map((l) => l.lineId)).toEqual(order.lines.map((l) => l.id));
    expect(t.state.confirmCalls).toEqual([{ orderId: order.id, lineIds: order.lines.map((l) => l.id) }]);
    expect(t.state.available('TSHIRT', 'wh-rotterdam')).toBe(8);

    const history = await t.db.query<Array<{ from_status: string | null; to_status: string; line_id: string | null }>>(
      'SELECT from_status, to_status, line_id FROM order_status_history WHERE order_id = $1 AND line_id IS NULL ORDER BY id',
      [order.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'created', line_id: null },
      { from_status: 'created', to_status: 'sourced', line_id: null },
    ]);
    expect(await t.count('SELECT count(*) AS n FROM order_status_history WHERE order_id = $1', [order.id])).toBe(2 + 2 * 2);
    expect(await t.count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'orders.order.placed.v1'`, [order.id])).toBe(1);

    const event = await waitFor(() => t.published.find((e) => e.aggregateId === order.id && e.type === 'orders.order.placed.v1'), {
      message: 'the placed event on the bus',
    });
    expect(event).toMatchObject({ tenantId: TENANT, aggregateType: 'order' });
    expect(event.data).toMatchObject({
      orderId: order.id,
      channelOrderId: 'W-1001',
      totalMinor: 4897,
      priority: 5,
      lines: [
        { lineId: order.lines[0].id, orderLineId: order.lines[0].id, sku: 'TSHIRT', quantity: 2, locationId: 'wh-rotterdam', deliveryMethod: 'ship_to_address', carrierServiceId: 'baton-parcel:standard' },
        { lineId: order.lines[1].id, sku: 'MUG', quantity: 1, locationId: 'st-amsterdam' },
      ],
    });

    const explained = await t.call('getSourcingExplanation', { orderId: order.id });
    expect(explained.decisions).toHaveLength(1);
    const [decision] = explained.decisions;
    expect(decision).toMatchObject({ attempt: 1, trigger: 'placement', strategy: 'cheapest', rulesVersion: 0, complete: true });
    expect(decision.groups[0].lineIds.sort()).toEqual(order.lines.map((l) => l.id).sort());
    expect(decision.groups[0].candidates.map((c) => [c.locationId, c.outcome]).sort()).toEqual([
      ['st-amsterdam', 'selected'],
      ['wh-rotterdam', 'selected'],
      ['wh-utrecht', 'not_selected'],
    ]);

    const fetched = await t.call('getOrder', { orderId: order.id });
    expect(fetched.order).toEqual(order);
  });

  it('returns the existing order for a repeated submission without reserving again', async () => {
    const request = placeRequest();
    const first = await t.call('placeOrder', request);
    const second = await t.call('placeOrder', request);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.order?.id).toBe(first.order?.id);
    expect(t.state.reserveCalls).toHaveLength(1);
    expect(await ordersWith(request.channelOrderId)).toBe(1);
  });

  it('turns 10 concurrent submissions of one order into one order, one reservation call and one event', async () => {
    const request = placeRequest();
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.call('placeOrder', request)));

    const ids = new Set(responses.map((r) => r.order?.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.created)).toHaveLength(1);
    expect(t.state.reserveCalls).toHaveLength(1);
    const [orderId] = [...ids] as string[];
    expect(await ordersWith(request.channelOrderId)).toBe(1);
    expect(await t.count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1`, [orderId])).toBe(1);
    expect(t.state.available('TSHIRT', 'wh-rotterdam')).toBe(8);
    expect(t.state.available('MUG', 'st-amsterdam')).toBe(4);
  });

  it('keeps the same channel order id of another tenant a separate order', async () => {
    const request = placeRequest();
    const mine = await t.call('placeOrder', request);
    const theirs = await t.call('placeOrder', request, 'globex');
    expect(theirs.created).toBe(true);
    expect(theirs.order?.id).not.toBe(mine.order?.id);
  });

  it('refuses an order no location can serve with 409-kind INSUFFICIENT_STOCK naming the lines and why, storing nothing', async () => {
    const request = placeRequest({
      lines: [
        { sku: 'TSHIRT', quantity: 11, unitPriceMinor: 1999 },
        { sku: 'MUG', quantity: 1, unitPriceMinor: 899 },
        { sku: 'UNKNOWN', quantity: 1, unitPriceMinor: 100 },
      ],
    });
    const error = await refusal(t.call('placeOrder', request));

    expect(error).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    expect(error.details).toEqual({
      lines: [
        expect.objectContaining({ line: 0, sku: 'TSHIRT', requested: 11, available: 10, reason: 'INSUFFICIENT_STOCK' }),
        expect.objectContaining({ line: 2, sku: 'UNKNOWN', requested: 1, available: 0, reason: 'INSUFFICIENT_STOCK' }),
      ],
    });
    expect(t.state.reserveCalls).toHaveLength(0);
    expect(await ordersWith(request.channelOrderId)).toBe(0);
  });

  it('reports the line taken by another order between sourcing and reserving', async () => {
    t.state.stolenBeforeReserve = { sku: 'TSHIRT', locationId: 'wh-rotterdam', quantity: 9 };
    const request = placeRequest();
    const error = await refusal(t.call('placeOrder', request));

    expect(error).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    expect(error.details).toEqual({ lines: [expect.objectContaining({ line: 0, sku: 'TSHIRT', requested: 2, available: 1 })] });
    expect(t.state.held('any')).toHaveLength(0);
    expect(await ordersWith(request.channelOrderId)).toBe(0);
  });

  it('refuses an invalid order naming every bad field, without calling inventory or storing anything', async () => {
    const request = placeRequest({
      currency: 'euro',
      deliveryMethod: 'teleport',
      lines: [{ sku: '', quantity: 0, unitPriceMinor: 5 }],
      requestedWindow: { from: 'tomorrow', to: '' },
      priority: 12,
    });
    const error = await refusal(t.call('placeOrder', request));

    expect(error).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    expect(error.violations.map((v) => v.field)).toEqual(
      expect.arrayContaining(['currency', 'deliveryMethod', 'lines[0].sku', 'lines[0].quantity', 'requestedWindow.from', 'requestedWindow.to', 'priority']),
    );
    expect(t.state.availabilityCalls).toBe(0);
    expect(await ordersWith(request.channelOrderId)).toBe(0);
  });

  it('finds an order only within its tenant, and refuses a call without a tenant', async () => {
    const placed = await t.call('placeOrder', placeRequest());
    const orderId = placed.order?.id as string;
    expect(await refusal(t.call('getOrder', { orderId }, 'globex'))).toMatchObject({ kind: 'not_found', code: 'ORDER_NOT_FOUND' });
    expect(await refusal(t.call('getOrder', { orderId: 'not-a-uuid' }))).toMatchObject({ kind: 'not_found' });
    const tenantless = await refusal(withTenant('', () => t.call('getOrder', { orderId }, '')));
    expect(tenantless).toMatchObject({ kind: 'unauthenticated', code: 'TENANT_REQUIRED' });
  });

  it('releases what it reserved when the commit fails, and a retry places the order', async () => {
    const request = placeRequest();
    await t.db.query('ALTER TABLE outbox_events RENAME TO outbox_events_away');
    let failure;
    try {
      failure = await refusal(t.call('placeOrder', request));
    } finally {
      await t.db.query('ALTER TABLE outbox_events_away RENAME TO outbox_events');
    }
    expect(failure).toMatchObject({ kind: 'internal' });
    expect(await ordersWith(request.channelOrderId)).toBe(0);
    expect(t.state.releaseCalls).toHaveLength(1);
    const [orderId] = [...new Set([...t.state.reservations.values()].map((r) => r.orderId))];
    expect(t.state.held(orderId)).toEqual([]);
    expect(t.state.available('TSHIRT', 'wh-rotterdam')).toBe(10);
    expect(t.state.available('MUG', 'st-amsterdam')).toBe(5);

    const retried = await t.call('placeOrder', request);
    expect(retried.created).toBe(true);
    expect(retried.order?.id).toBe(orderId);
    expect(t.state.available('TSHIRT', 'wh-rotterdam')).toBe(8);
  });

  it('keeps a placed order when inventory cannot confirm it; its holds stay reserved, to expire and be re-sourced', async () => {
    t.state.failConfirm = true;
    const placed = await t.call('placeOrder', placeRequest());
    expect(placed.created).toBe(true);
    expect(placed.order?.lines.flatMap((l) => l.allocations?.items ?? []).map((a) => a.status)).toEqual(['reserved', 'reserved']);
    expect(t.state.held(placed.order?.id as string).map((r) => r.status)).toEqual(['held', 'held']);
  });

  it('places a mixed cart: one line collected at the store, one delivered', async () => {
    const placed = await t.call(
      'placeOrder',
      placeRequest({
        lines: [
          { sku: 'MUG', quantity: 1, unitPriceMinor: 899, deliveryMethod: 'click_and_collect', destinationLocationId: 'st-amsterdam' },
          { sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999 },
        ],
      }),
    );
    const order = placed.order as ordersV1.Order;
    expect(order.deliveryMethod).toBe('mixed');
    expect(order.lines.map((l) => [l.sku, l.deliveryMethod, l.locationId, l.allocations?.items[0]?.carrierServiceId])).toEqual([
      ['MUG', 'click_and_collect', 'st-amsterdam', ''],
      ['TSHIRT', 'ship_to_address', 'wh-rotterdam', 'baton-parcel:standard'],
    ]);
    const event = await waitFor(() => t.published.find((e) => e.aggregateId === order.id && e.type === 'orders.order.placed.v1'));
    expect(event.data).toMatchObject({
      deliveryMethod: 'mixed',
      lines: [
        { sku: 'MUG', deliveryMethod: 'click_and_collect', pickupLocationId: 'st-amsterdam', destinationLocationId: 'st-amsterdam' },
        { sku: 'TSHIRT', deliveryMethod: 'ship_to_address' },
      ],
    });
  });

  it('names the collection line whose store has too little, and the store it was meant for', async () => {
    const error = await refusal(
      t.call(
        'placeOrder',
        placeRequest({ lines: [{ sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999, deliveryMethod: 'click_and_collect', destinationLocationId: 'st-amsterdam' }] }),
      ),
    );
    expect(error.details).toEqual({
      lines: [expect.objectContaining({ line: 0, sku: 'TSHIRT', requested: 2, available: 1, deliveryMethod: 'click_and_collect', reason: 'INSUFFICIENT_STOCK' })],
    });
  });
});
