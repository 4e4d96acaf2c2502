import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { ordersV1 } from '@baton/contracts';
import { waitFor } from '@baton/testing';
import { DEFAULT_SOURCING_RULES } from '../src/rules/sourcing-rules';
import { rulesToContract } from '../src/rules/sourcing-rules.mapper';
import { morningClock, partOf, placeRequest, seedNetwork, startOrders, type OrdersUnderTest } from './orders-test-kit';

describe('re-sourcing on rejection, short pick and expiry', () => {
  let t: OrdersUnderTest;

  beforeAll(async () => {
    t = await startOrders('orders resourcing', { clock: morningClock() });
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    t.state.reset();
    seedNetwork(t.state);
    t.state.put('TSHIRT', 'wh-rotterdam', 10);
    t.state.put('TSHIRT', 'wh-utrecht', 10);
    await t.db.query('DELETE FROM sourcing_rule_sets');
  });

  const place = async (quantity = 2) =>
    (await t.call('placeOrder', placeRequest({ lines: [{ sku: 'TSHIRT', quantity, unitPriceMinor: 1999 }] }))).order as ordersV1.Order;
  const reload = async (orderId: string) => (await t.call('getOrder', { orderId })).order as ordersV1.Order;
  const reject = (order: ordersV1.Order, quantity?: number, shortPick = false) => {
    const part = partOf(order, 0, quantity);
    t.state.giveBack(order.id, part.lineId, part.quantity);
    return t.deliver('fulfillment.fulfillment.rejected.v1', order.id, {
      fulfillmentId: `f-${randomUUID().slice(0, 6)}`,
      orderId: order.id,
      locationId: part.locationId,
      reason: shortPick ? 'shelf empty' : 'no staff',
      shortPick,
      lines: [part],
    });
  };

  it('re-sources a rejected line elsewhere, never at the location that rejected it, once per event', async () => {
    const order = await place();
    expect(order.lines[0].locationId).toBe('wh-rotterdam');
    const rejected = await reject(order);

    const after = await waitFor(async () => {
      const now = await reload(order.id);
      return now.lines[0].allocations?.items.some((p) => p.status === 'confirmed') ? now : undefined;
    }, { message: 'the re-sourced part confirmed after its announcement' });
    expect(after.status).toBe('sourced');
    expect(after.lines[0].locationId).toBe('wh-utrecht');
    const parts = after.lines[0].allocations?.items ?? [];
    expect(parts.map((p) => [p.locationId, p.status, p.quantity, p.releasedQuantity])).toEqual([
      ['wh-rotterdam', 'rejected', 2, 2],
      ['wh-utrecht', 'confirmed', 2, 0],
    ]);
    expect(t.state.held(order.id).map((r) => [r.locationId, r.open, r.status])).toEqual([['wh-utrecht', 2, 'confirmed']]);

    const sourced = await waitFor(() => t.published.find((e) => e.aggregateId === order.id && e.type === 'orders.order.sourced.v1'));
    expect(sourced.data).toMatchObject({
      trigger: 'resourcing',
      attempt: 2,
      lines: [{ lineId: parts[1].id, orderLineId: order.lines[0].id, locationId: 'wh-utrecht', quantity: 2 }],
      replaces: [{ lineId: parts[0].id, locationId: 'wh-rotterdam', quantity: 2 }],
    });
    const decisions = (await t.call('getSourcingExplanation', { orderId: order.id })).decisions;
    expect(decisions.map((d) => [d.attempt, d.trigger, d.causeEventId])).toEqual([
      [1, 'placement', ''],
      [2, 'resourcing', rejected.id],
    ]);
    expect(decisions[1].excludedLocationIds).toContain('wh-rotterdam');

    await t.bus.publish(rejected);
    expect((await reload(order.id)).lines[0].allocations?.items).toHaveLength(2);
    expect(t.state.reserveCalls).toHaveLength(2);
  });

  it('re-sources only the short-picked units', async () => {
    const order = await place(3);
    await reject(order, 1, true);
    const after = await reload(order.id);
    expect(after.lines[0].allocations?.items.map((p) => [p.locationId, p.quantity - p.releasedQuantity])).toEqual([
      ['wh-rotterdam', 2],
      ['wh-utrecht', 1],
    ]);
    expect(after.lines[0].status).toBe('sourced');
  });

  it('cancels what nothing else can serve under the default policy, and says so to the customer', async () => {
    t.state.put('TSHIRT', 'wh-utrecht', 0);
    const order = await place();
    await reject(order);
    const after = await reload(order.id);
    expect(after).toMatchObject({ status: 'cancelled', refundedMinor: 2 * 1999, customerStatus: 'Cancelled' });
    const cancelled = await waitFor(() => t.published.find((e) => e.aggregateId === order.id && e.type === 'orders.order.cancelled.v1'));
    expect(cancelled.data).toMatchObject({ wholeOrder: true, refundMinor: 3998, lines: [{ locationId: 'wh-rotterdam', quantity: 2 }] });
  });

  it('backorders what nothing else can serve when the tenant says so', async () => {
    const saved = await t.call('saveSourcingRulesDraft', { rules: rulesToContract({ ...DEFAULT_SOURCING_RULES, whenNothingLeft: 'backorder' }), note: '' });
    await t.call('activateSourcingRules', { version: saved.ruleSet?.version as number });
    t.state.put('TSHIRT', 'wh-utrecht', 0);
    const order = await place();
    await reject(order);
    const after = await reload(order.id);
    expect(after).toMatchObject({ status: 'backordered' });
    expect(after.lines[0]).toMatchObject({ status: 'backordered', backorderedQuantity: 2 });
    expect(after.customerStatus).toBe('Waiting for stock; 2 items backordered');
    await waitFor(() => t.published.some((e) => e.aggregateId === order.id && e.type === 'orders.order.line.backordered.v1'));
  });

  it('re-sources a reservation that expired before it was confirmed', async () => {
    t.state.failConfirm = true;
    const order = await place();
    t.state.failConfirm = false;
    const part = partOf(order, 0);
    const expired = t.state.expire(order.id, part.lineId);
    await t.deliver('inventory.reservation.expired.v1', order.id, {
      reservationId: expired.id,
      orderId: order.id,
      lineId: part.lineId,
      sku: 'TSHIRT',
      locationId: part.locationId,
      quantity: 2,
    });
    const after = await waitFor(async () => {
      const now = await reload(order.id);
      return now.lines[0].allocations?.items.some((p) => p.status === 'confirmed') ? now : undefined;
    });
    const parts = after.lines[0].allocations?.items ?? [];
    expect(parts.map((p) => [p.status, p.quantity - p.releasedQuantity])).toEqual([
      ['released', 0],
      ['confirmed', 2],
    ]);
    expect(t.state.held(order.id).reduce((sum, r) => sum + r.open, 0)).toBe(2);
  });

  it('sources a backordered line when its inbound supply is received', async () => {
    const saved = await t.call('saveSourcingRulesDraft', { rules: rulesToContract({ ...DEFAULT_SOURCING_RULES, allowBackorder: true }), note: '' });
    await t.call('activateSourcingRules', { version: saved.ruleSet?.version as number });
    t.state.inbound.push({ sku: 'LAMP', locationId: 'wh-utrecht', quantity: 3, eta: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const order = (await t.call('placeOrder', placeRequest({ lines: [{ sku: 'LAMP', quantity: 3, unitPriceMinor: 4999 }] }))).order as ordersV1.Order;
    expect(order.status).toBe('backordered');

    t.state.put('LAMP', 'wh-utrecht', 3);
    await t.deliver('inventory.inbound.received.v1', 'supply-1', {
      supplyId: 'supply-1',
      kind: 'purchase_order',
      reference: 'PO-1',
      receiptId: 'GRN-1',
      lines: [{ lineId: '1', sku: 'LAMP', locationId: 'wh-utrecht', quantity: 3, receivedQuantity: 3, expectedQuantity: 3, overReceived: 0 }],
    });
    const after = await reload(order.id);
    expect(after).toMatchObject({ status: 'sourced' });
    expect(after.lines[0]).toMatchObject({ status: 'sourced', backorderedQuantity: 0, locationId: 'wh-utrecht' });
    const sourced = await waitFor(() => t.published.find((e) => e.aggregateId === order.id && e.type === 'orders.order.sourced.v1'));
    expect(sourced.data).toMatchObject({ trigger: 'backorder_retry', lines: [{ sku: 'LAMP', quantity: 3, locationId: 'wh-utrecht' }] });
  });

  it('ignores an expiry for an order it never committed (a placement that crashed after reserving)', async () => {
    const orderId = randomUUID();
    await t.deliver('inventory.reservation.expired.v1', orderId, {
      reservationId: randomUUID(),
      orderId,
      lineId: randomUUID(),
      sku: 'TSHIRT',
      locationId: 'wh-rotterdam',
      quantity: 1,
    });
    expect(await t.count('SELECT count(*) AS n FROM orders WHERE id = $1', [orderId])).toBe(0);
    expect(t.state.reserveCalls).toHaveLength(0);
  });
});
