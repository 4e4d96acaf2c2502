import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { ordersV1 } from '@baton/contracts';
import { waitFor } from '@baton/testing';
import { DEFAULT_SOURCING_RULES } from '../src/rules/sourcing-rules';
import { rulesToContract } from '../src/rules/sourcing-rules.mapper';
import { morningClock, partOf, placeRequest, refusal, seedNetwork, startOrders, type OrdersUnderTest } from './orders-test-kit';

describe('orders lifecycle: holds, cancellations, fulfilment progress, lists, rules', () => {
  let t: OrdersUnderTest;

  beforeAll(async () => {
    t = await startOrders('orders lifecycle', { clock: morningClock() });
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    t.state.reset();
    seedNetwork(t.state);
    t.state.put('TSHIRT', 'wh-rotterdam', 10);
    t.state.put('TSHIRT', 'st-amsterdam', 1);
    t.state.put('MUG', 'st-amsterdam', 5);
    await t.db.query('DELETE FROM sourcing_rule_sets');
  });

  const place = async (overrides: Partial<ordersV1.PlaceOrderRequest> = {}) =>
    (await t.call('placeOrder', placeRequest(overrides))).order as ordersV1.Order;
  const eventsOf = (orderId: string, type: string) => t.published.filter((e) => e.aggregateId === orderId && e.type === type);
  const activate = async (rules: Partial<typeof DEFAULT_SOURCING_RULES>) => {
    const saved = await t.call('saveSourcingRulesDraft', { rules: rulesToContract({ ...DEFAULT_SOURCING_RULES, ...rules }), note: 'test' });
    await t.call('activateSourcingRules', { version: saved.ruleSet?.version as number });
  };

  describe('holds', () => {
    it('holds an order with a reason and releases it back to where it stood, each with its event and history', async () => {
      const order = await place();
      const held = await t.call('holdOrder', { orderId: order.id, reason: 'customer asked to wait' });
      expect(held.order?.status).toBe('on_hold');
      expect(held.hold).toMatchObject({ kind: 'manual', code: 'MANUAL', reason: 'customer asked to wait', releasedAt: '' });
      expect(held.order?.customerStatus).toBe('Being reviewed');

      const again = await t.call('holdOrder', { orderId: order.id, reason: 'second look' });
      expect(again.order?.holds?.items).toHaveLength(2);

      const released = await t.call('releaseOrder', { orderId: order.id, note: 'ok' });
      expect(released.order?.status).toBe('sourced');
      expect(released.released).toHaveLength(2);
      await waitFor(() => eventsOf(order.id, 'orders.order.released.v1').length === 1);
      expect(eventsOf(order.id, 'orders.order.held.v1')).toHaveLength(2);
      expect(eventsOf(order.id, 'orders.order.placed.v1')).toHaveLength(1);

      const history = await t.call('getOrderHistory', { orderId: order.id });
      expect(history.changes.filter((c) => c.lineId === '').map((c) => `${c.fromStatus}>${c.toStatus}`)).toEqual([
        '>created',
        'created>sourced',
        'sourced>on_hold',
        'on_hold>sourced',
      ]);

      expect(await refusal(t.call('releaseOrder', { orderId: order.id, note: '' }))).toMatchObject({ kind: 'precondition', code: 'NOT_ON_HOLD' });
      expect(await refusal(t.call('holdOrder', { orderId: order.id, reason: ' ' }))).toMatchObject({
        kind: 'invalid',
        violations: [expect.objectContaining({ field: 'reason' })],
      });
    });

    it('holds an order by rule at capture — value above the limit, fraud score, address mismatch — and announces it only at release', async () => {
      await activate({ holds: { valueLimitMinor: 1000, fraudScoreThreshold: 80, holdOnAddressMismatch: true } });
      const order = await place({
        fraudScore: 91,
        billingAddress: { name: 'Ada', line1: 'Rue 1', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' },
      });
      expect(order.status).toBe('on_hold');
      expect(order.holds?.items.map((h) => h.code).sort()).toEqual(['ADDRESS_MISMATCH', 'FRAUD_SCORE', 'VALUE_LIMIT']);
      expect(t.state.confirmCalls).toHaveLength(1);
      await waitFor(() => eventsOf(order.id, 'orders.order.held.v1').length === 3);
      expect(eventsOf(order.id, 'orders.order.placed.v1')).toHaveLength(0);

      const released = await t.call('releaseOrder', { orderId: order.id, note: 'checked by phone' });
      expect(released.order?.status).toBe('sourced');
      const placed = await waitFor(() => eventsOf(order.id, 'orders.order.placed.v1')[0]);
      expect(placed.data).toMatchObject({ orderId: order.id, lines: [expect.objectContaining({ sku: 'TSHIRT' }), expect.objectContaining({ sku: 'MUG' })] });
    });
  });

  describe('cancellations', () => {
    it('cancels some quantity of one line: exactly that much of its reservation, refunded exactly', async () => {
      const order = await place();
      const tshirt = order.lines[0];
      const result = await t.call('cancelOrder', { orderId: order.id, lines: [{ lineId: tshirt.id, quantity: 1 }], reason: 'changed mind' });

      expect(result.refundMinor).toBe(1999);
      expect(result.cancelled).toEqual([
        { lineId: tshirt.id, allocationId: tshirt.allocations?.items[0].id, locationId: 'wh-rotterdam', quantity: 1, refundMinor: 1999 },
      ]);
      expect(result.order).toMatchObject({ status: 'partially_cancelled', refundedMinor: 1999 });
      expect(result.order?.lines[0]).toMatchObject({ status: 'partially_cancelled', cancelledQuantity: 1 });
      const event = await waitFor(() => eventsOf(order.id, 'orders.order.cancelled.v1')[0]);
      expect(event.data).toEqual({
        orderId: order.id,
        wholeOrder: false,
        reason: 'changed mind',
        lines: [{ lineId: tshirt.allocations?.items[0].id, orderLineId: tshirt.id, sku: 'TSHIRT', quantity: 1, locationId: 'wh-rotterdam' }],
        refundMinor: 1999,
        currency: 'EUR',
      });

      const rest = await t.call('cancelOrder', { orderId: order.id, lines: [], reason: 'all of it' });
      expect(rest.refundMinor).toBe(1999 + 899);
      expect(rest.order).toMatchObject({ status: 'cancelled', refundedMinor: 2 * 1999 + 899 });
      expect(await refusal(t.call('cancelOrder', { orderId: order.id, lines: [], reason: 'again' }))).toMatchObject({
        kind: 'conflict',
        code: 'NOT_CANCELLABLE',
      });
    });

    it('refunds tax and discount to the cent over successive partial cancellations', async () => {
      t.state.put('TSHIRT', 'wh-rotterdam', 10);
      const order = await place({ lines: [{ sku: 'TSHIRT', quantity: 3, unitPriceMinor: 1000, taxMinor: 333, discountMinor: 100 }] });
      expect(order.totalMinor).toBe(3233);
      const refunds = [];
      for (let i = 0; i < 3; i++) {
        refunds.push((await t.call('cancelOrder', { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }], reason: 'one by one' })).refundMinor);
      }
      expect(refunds).toEqual([1077, 1078, 1078]);
      expect(refunds.reduce((a, b) => a + b, 0)).toBe(3233);
    });

    it('refuses invalid cancellations naming the field, and changes nothing', async () => {
      const order = await place();
      const bad = await refusal(
        t.call('cancelOrder', {
          orderId: order.id,
          lines: [
            { lineId: randomUUID(), quantity: 1 },
            { lineId: order.lines[0].id, quantity: 3 },
          ],
          reason: '',
        }),
      );
      expect(bad.violations.map((v) => v.field)).toEqual(['reason', 'lines[0].lineId', 'lines[1].quantity']);
      expect((await t.call('getOrder', { orderId: order.id })).order?.status).toBe('sourced');
    });

    it('does not cancel what has shipped: the answer names it, the rest is cancelled', async () => {
      const order = await place();
      await t.deliver('fulfillment.fulfillment.shipped.v1', order.id, {
        fulfillmentId: 'f-1',
        orderId: order.id,
        locationId: 'wh-rotterdam',
        lines: [partOf(order, 0)],
        shipments: [{ shipmentId: 's-1', carrier: 'baton-parcel', service: 'standard', trackingNumber: 'BP1' }],
      });
      const result = await t.call('cancelOrder', { orderId: order.id, lines: [], reason: 'too late for some' });
      expect(result.refused).toEqual([{ lineId: order.lines[0].id, quantity: 2, reason: 'ALREADY_SHIPPED', detail: expect.any(String) }]);
      expect(result.cancelled.map((c) => [c.lineId, c.quantity])).toEqual([[order.lines[1].id, 1]]);
      expect(result.order?.status).toBe('shipped');
    });
  });

  describe('line statuses from fulfilment events', () => {
    it('moves lines and the order through shipped and delivered to completed, with the event as cause', async () => {
      const order = await place();
      await t.deliver('fulfillment.fulfillment.created.v1', order.id, {
        fulfillmentId: 'f-a',
        orderId: order.id,
        locationId: 'wh-rotterdam',
        deliveryMethod: 'ship_to_address',
        lines: [{ lineId: partOf(order, 0).lineId, sku: 'TSHIRT', quantity: 2 }],
      });
      const shipped = await t.deliver('fulfillment.fulfillment.shipped.v1', order.id, {
        fulfillmentId: 'f-a',
        orderId: order.id,
        locationId: 'wh-rotterdam',
        lines: [partOf(order, 0)],
        shipments: [{ shipmentId: 's-a', carrier: 'baton-parcel', service: 'standard', trackingNumber: 'BP2' }],
      });
      let now = (await t.call('getOrder', { orderId: order.id })).order as ordersV1.Order;
      expect([now.status, now.lines[0].status, now.lines[0].shippedQuantity]).toEqual(['partially_shipped', 'shipped', 2]);

      await t.deliver('fulfillment.fulfillment.shipped.v1', order.id, {
        fulfillmentId: 'f-b',
        orderId: order.id,
        locationId: 'st-amsterdam',
        lines: [partOf(order, 1)],
        shipments: [{ shipmentId: 's-b', carrier: 'baton-parcel', service: 'standard', trackingNumber: 'BP3' }],
      });
      await t.deliver('fulfillment.fulfillment.delivered.v1', order.id, {
        fulfillmentId: 'f-a',
        orderId: order.id,
        locationId: 'wh-rotterdam',
        shipmentId: 's-a',
        deliveredAt: new Date().toISOString(),
      });
      now = (await t.call('getOrder', { orderId: order.id })).order as ordersV1.Order;
      expect([now.status, now.lines[0].status, now.lines[1].status]).toEqual(['shipped', 'delivered', 'shipped']);
      await t.deliver('fulfillment.fulfillment.delivered.v1', order.id, {
        fulfillmentId: 'f-b',
        orderId: order.id,
        locationId: 'st-amsterdam',
        shipmentId: 's-b',
        deliveredAt: new Date().toISOString(),
        lines: [partOf(order, 1)],
      });
      expect((await t.call('getOrder', { orderId: order.id })).order?.status).toBe('delivered');
      const completed = await t.call('completeOrder', { orderId: order.id });
      expect(completed.order?.status).toBe('completed');
      expect(completed.order?.lines.map((l) => l.status)).toEqual(['completed', 'completed']);

      const history = await t.call('getOrderHistory', { orderId: order.id });
      expect(history.changes.find((c) => c.lineId === order.lines[0].id && c.toStatus === 'shipped')).toMatchObject({
        causeEventId: shipped.id,
        causeEventType: 'fulfillment.fulfillment.shipped.v1',
      });
      expect(await refusal(t.call('completeOrder', { orderId: order.id }))).toMatchObject({ kind: 'precondition', code: 'ILLEGAL_TRANSITION' });
    });

    it('moves a click-and-collect line to ready for pickup and collected', async () => {
      const order = await place({ lines: [{ sku: 'MUG', quantity: 2, unitPriceMinor: 899, deliveryMethod: 'click_and_collect', destinationLocationId: 'st-amsterdam' }] });
      await t.deliver('fulfillment.fulfillment.ready-for-pickup.v1', order.id, {
        fulfillmentId: 'f-c',
        orderId: order.id,
        locationId: 'st-amsterdam',
        pickupCode: '1234',
        expiresAt: new Date().toISOString(),
        lines: [partOf(order, 0)],
      });
      expect((await t.call('getOrder', { orderId: order.id })).order?.status).toBe('ready_for_pickup');
      await t.deliver('fulfillment.fulfillment.collected.v1', order.id, { fulfillmentId: 'f-c', orderId: order.id, locationId: 'st-amsterdam', lines: [partOf(order, 0)] });
      const now = (await t.call('getOrder', { orderId: order.id })).order as ordersV1.Order;
      expect([now.status, now.lines[0].status, now.lines[0].deliveredQuantity]).toEqual(['collected', 'collected', 2]);
    });
  });

  describe('backorders', () => {
    it('backorders a line against inbound supply with its date when the tenant allows it', async () => {
      await activate({ allowBackorder: true });
      const eta = new Date(Date.now() + 5 * 86_400_000).toISOString();
      t.state.inbound.push({ sku: 'LAMP', locationId: 'wh-utrecht', quantity: 4, eta });
      const order = await place({ lines: [{ sku: 'MUG', quantity: 1, unitPriceMinor: 899 }, { sku: 'LAMP', quantity: 3, unitPriceMinor: 4999 }] });
      expect(order.status).toBe('backordered');
      expect(order.lines[1]).toMatchObject({ status: 'backordered', backorderedQuantity: 3, expectedDate: eta.slice(0, 10), locationId: '' });
      expect(order.customerStatus).toContain(`3 items backordered until ${eta.slice(0, 10)}`);
      const event = await waitFor(() => eventsOf(order.id, 'orders.order.line.backordered.v1')[0]);
      expect((event.data as { lines: unknown[] }).lines).toEqual([{ lineId: order.lines[1].id, sku: 'LAMP', quantity: 3, expectedDate: eta.slice(0, 10), reason: expect.any(String) }]);

      const refused = await refusal(t.call('placeOrder', placeRequest({ lines: [{ sku: 'LAMP', quantity: 5, unitPriceMinor: 4999 }] })));
      expect(refused).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK', message: expect.stringContaining('backordered') });
    });
  });

  describe('listing', () => {
    it('filters by status, channel, customer and location, and pages with a cursor', async () => {
      const email = `list-${randomUUID().slice(0, 6)}@example.com`;
      const placed = [];
      for (let i = 0; i < 5; i++) placed.push(await place({ customerEmail: email, channel: i % 2 === 0 ? 'app' : 'pos' }));
      await t.call('holdOrder', { orderId: placed[0].id, reason: 'check' });

      const mine = { customer: email.toUpperCase(), statuses: [], channel: '', createdFrom: '', createdTo: '', locationId: '', locationIds: [], pageSize: 2, pageToken: '', channelOrderId: '' };
      const first = await t.call('listOrders', mine);
      const second = await t.call('listOrders', { ...mine, pageToken: first.nextPageToken });
      const third = await t.call('listOrders', { ...mine, pageToken: second.nextPageToken });
      const newestFirst = [...placed].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      expect([...first.orders, ...second.orders, ...third.orders].map((o) => o.id)).toEqual(newestFirst.map((o) => o.id));
      expect(third.nextPageToken).toBe('');

      expect((await t.call('listOrders', { ...mine, pageSize: 10, statuses: ['on_hold'] })).orders.map((o) => o.id)).toEqual([placed[0].id]);
      expect((await t.call('listOrders', { ...mine, pageSize: 10, channel: 'pos' })).orders).toHaveLength(2);
      expect((await t.call('listOrders', { ...mine, pageSize: 10, locationId: 'wh-rotterdam' })).orders).toHaveLength(5);
      expect((await t.call('listOrders', { ...mine, pageSize: 10, locationId: 'wh-utrecht' })).orders).toHaveLength(0);

      const bad = await refusal(t.call('listOrders', { ...mine, statuses: ['lost'], pageSize: 500, pageToken: 'xyz', createdFrom: 'yesterday' }));
      expect(bad.violations.map((v) => v.field)).toEqual(['statuses[0]', 'pageSize', 'createdFrom', 'pageToken']);
    });
  });

  describe('sourcing rules as versioned data', () => {
    it('stores drafts, lets a draft be tried before it is active, activates one at a time', async () => {
      const invalid = await refusal(
        t.call('saveSourcingRulesDraft', { rules: { ...rulesToContract(DEFAULT_SOURCING_RULES), defaultStrategy: 'random', maxSplits: -1 }, note: '' }),
      );
      expect(invalid.violations.map((v) => v.field)).toEqual(['rules.defaultStrategy', 'rules.maxSplits']);

      const draft = await t.call('saveSourcingRulesDraft', {
        rules: rulesToContract({ ...DEFAULT_SOURCING_RULES, defaultStrategy: 'fastest', excludedLocationIds: ['wh-rotterdam'] }),
        note: 'try fastest',
      });
      const version = draft.ruleSet?.version as number;
      expect(draft.ruleSet).toMatchObject({ status: 'draft', note: 'try fastest' });

      const promise = (rulesVersion: number) =>
        t.call('promiseDelivery', {
          lines: [{ sku: 'TSHIRT', quantity: 1, unitPriceMinor: 1999 }],
          currency: 'EUR',
          destination: { name: '', line1: '', line2: '', city: 'Amsterdam', postalCode: '', country: 'NL', latitude: 52.3731, longitude: 4.8926 },
          deliveryMethods: ['ship_to_address'],
          maxStores: 0,
          rulesVersion,
        });
      const withDraft = await promise(version);
      expect(withDraft).toMatchObject({ rulesVersion: version, strategy: 'fastest' });
      expect((await promise(0)).rulesVersion).toBe(0);

      await t.call('activateSourcingRules', { version });
      const active = await t.call('getSourcingRules', { version: 0 });
      expect(active.ruleSet).toMatchObject({ version, status: 'active' });
      const next = await t.call('saveSourcingRulesDraft', { rules: rulesToContract(DEFAULT_SOURCING_RULES), note: 'back to defaults' });
      await t.call('activateSourcingRules', { version: next.ruleSet?.version as number });
      const all = await t.call('listSourcingRules', {});
      expect(all.ruleSets.map((r) => [r.version, r.status])).toEqual([
        [version + 1, 'active'],
        [version, 'retired'],
      ]);
      expect(await refusal(t.call('activateSourcingRules', { version }))).toMatchObject({ kind: 'precondition', code: 'ILLEGAL_TRANSITION' });
      expect(await refusal(t.call('activateSourcingRules', { version: 99 }))).toMatchObject({ kind: 'not_found', code: 'RULES_NOT_FOUND' });
    });
  });
});
