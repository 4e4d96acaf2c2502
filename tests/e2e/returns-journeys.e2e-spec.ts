import { Client } from 'pg';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
}

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };

describeWithNats('returns journeys: RMAs in store and by mail back into the network, six real processes', () => {
  let cluster: Cluster;
  let inventory: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let warehouse: string;
  let store: string;

  const http = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${cluster.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const ok = async (method: string, path: string, body?: unknown, status = 200): Promise<any> => {
    const result = await http(method, path, body);
    if (result.status !== status) throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const asTenant = <T>(fn: () => Promise<T>) => runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-returns' }, fn);
  const available = async (sku: string, locationId: string): Promise<number> => {
    const { positions } = await asTenant(() => inventory.call('getAvailability', { sku }));
    return positions.find((p) => p.locationId === locationId)?.available ?? 0;
  };
  const movementsOf = async (locationId: string, type: string): Promise<inventoryV1.Movement[]> =>
    (await asTenant(() => inventory.call('listMovements', { sku: '', locationId, type, reference: '' }))).movements;
  const count = async (service: 'returns' | 'orders', sql: string, params: unknown[]): Promise<number> => {
    const client = new Client({ connectionString: cluster.databases.get(service) });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
    } finally {
      await client.end();
    }
  };

  /** Places an order through the gateway and works its fulfilment to shipped; answers it once orders says the lines shipped. */
  const shippedOrder = async (channelOrderId: string, lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>): Promise<any> => {
    const placed = await ok(
      'POST',
      '/v1/orders',
      {
        channel: 'web',
        channelOrderId,
        customerEmail: 'ada@example.com',
        currency: 'EUR',
        deliveryMethod: 'ship_to_address',
        shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
        lines,
      },
      201,
    );
    await shipAll(placed.id);
    await waitFor(async () => {
      const returnable = await http('GET', `/v1/orders/${placed.id}/returnable`);
      return returnable.status === 200 && returnable.body.lines.every((l: any) => l.eligibleQuantity === l.orderedQuantity) ? true : undefined;
    }, WAIT);
    return ok('GET', `/v1/orders/${placed.id}`);
  };

  const shipAll = async (orderId: string): Promise<void> => {
    const fulfillments = await waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${orderId}`);
      return listed.status === 200 && listed.body.items.length > 0 ? listed.body.items : undefined;
    }, WAIT);
    for (const fulfillment of fulfillments) {
      await ok('POST', `/v1/fulfillments/${fulfillment.id}/accept`);
      await ok('POST', `/v1/fulfillments/${fulfillment.id}/pick`, {
        lines: fulfillment.lines.map((l: any) => ({ lineId: l.lineId, quantity: l.quantity })),
      });
      await ok('POST', `/v1/fulfillments/${fulfillment.id}/pack`, { packages: [{ weightGrams: 800, lengthMm: 300, widthMm: 200, heightMm: 100 }] });
      await ok('POST', `/v1/fulfillments/${fulfillment.id}/ship`, {});
    }
  };

  /** Receives every authorised unit at the store, grades them all `grade`, and disposes by the tenant rules. */
  const returnToStore = async (rma: any, grade: string): Promise<any> => {
    const received = await ok('POST', `/v1/returns/${rma.id}/receive`, {
      receiptId: `till-${rma.id.slice(0, 8)}`,
      locationId: store,
      lines: rma.lines.map((l: any) => ({ lineId: l.orderLineId, quantity: l.quantity })),
    });
    await ok('POST', `/v1/returns/${rma.id}/inspect`, { grades: received.units.map((u: any) => ({ unitId: u.id, grade })) });
    return ok('POST', `/v1/returns/${rma.id}/dispose`, {});
  };

  const inStoreReturn = (order: any, quantity: number, extra: Record<string, unknown> = {}) =>
    http('POST', '/v1/returns', {
      orderId: order.id,
      method: 'in_store',
      locationId: store,
      createdBy: 'store',
      lines: [{ lineId: order.lines[0].id, quantity, reasonCode: 'changed_mind' }],
      ...extra,
    });

  beforeAll(async () => {
    cluster = await startCluster();
    inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
    await asTenant(async () => {
      const make = async (code: string, type: string, capabilities: string[]) =>
        (await inventory.call('createLocation', { code, name: code, type, latitude: 52.37, longitude: 4.89, capabilities })).location?.id as string;
      warehouse = await make('RET-WH', 'warehouse', ['ship', 'receive_transfers']);
      store = await make('RET-STORE', 'store', ['pickup', 'accept_returns']);
      for (const sku of ['RET-SHIRT-M', 'RET-SHIRT-L', 'RET-CUP']) {
        await inventory.call('createItem', { sku, name: sku, productGroup: 'e2e', unitValueMinor: 2500 });
        await inventory.call('receiveStock', { sku, locationId: warehouse, quantity: 40, reference: `seed-${sku}`, reason: 'e2e opening stock' });
      }
    });
  }, 180_000);

  afterAll(async () => {
    inventory?.close();
    await cluster?.stop();
  }, 60_000);

  it('restocks an online order returned in a store at that store: ATP rises there and the ledger shows the return restock', async () => {
    const order = await shippedOrder('WEB-RET-1', [{ sku: 'RET-SHIRT-M', quantity: 2, unitPriceMinor: 2500 }]);
    const before = await available('RET-SHIRT-M', store);
    const created = await inStoreReturn(order, 1);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'authorised', method: 'in_store', locationId: store });
    const completed = await returnToStore(created.body, 'resellable');
    expect(completed).toMatchObject({ status: 'completed', units: [expect.objectContaining({ disposition: 'restock', locationId: store })] });
    expect(completed.refund).toMatchObject({ status: 'requested', amountMinor: 2500 });

    await waitFor(async () => ((await available('RET-SHIRT-M', store)) === before + 1 ? true : undefined), WAIT);
    const restocks = (await movementsOf(store, 'return_restock')).filter((m) => m.reference.startsWith(`return/${created.body.id}/`));
    expect(restocks).toEqual([expect.objectContaining({ sku: 'RET-SHIRT-M', onHandDelta: 1, reference: `return/${created.body.id}/${order.lines[0].id}/restock` })]);

    const confirmed = await ok('POST', `/v1/returns/${created.body.id}/refund-confirmation`, {
      refundId: completed.refund.id,
      outcome: 'succeeded',
      paymentReference: 'psp-e2e-1',
    });
    expect(confirmed.refund).toMatchObject({ status: 'confirmed', paymentReference: 'psp-e2e-1' });

    const steps = await waitFor(async () => {
      const timeline = await http('GET', `/v1/orders/${order.id}/timeline`);
      const types: string[] = (timeline.body?.entries ?? []).map((e: { type: string }) => e.type);
      return types.includes('returns.refund.settled.v1') ? types.filter((t) => t.startsWith('returns.')) : undefined;
    }, WAIT);
    // Events of one transaction may share a millisecond on the timeline: compare as a set, with the ends fixed.
    expect([...steps].sort()).toEqual(
      [
        'returns.return.authorised.v1',
        'returns.return.received.v1',
        'returns.return.inspected.v1',
        'returns.return.disposed.v1',
        'returns.refund.requested.v1',
        'returns.return.completed.v1',
        'returns.refund.settled.v1',
      ].sort(),
    );
    expect([steps[0], steps[steps.length - 1]]).toEqual(['returns.return.authorised.v1', 'returns.refund.settled.v1']);
  });

  it('writes a damaged unit off: it never becomes available, and the ledger shows the write-off', async () => {
    const order = await shippedOrder('WEB-RET-2', [{ sku: 'RET-CUP', quantity: 1, unitPriceMinor: 900 }]);
    const before = await available('RET-CUP', store);
    const created = await inStoreReturn(order, 1);
    const completed = await returnToStore(created.body, 'damaged');
    expect(completed.units).toEqual([expect.objectContaining({ grade: 'damaged', disposition: 'write_off' })]);
    const writeOffs = await waitFor(async () => {
      const found = (await movementsOf(store, 'write_off')).filter((m) => m.reference.startsWith(`return/${created.body.id}/`));
      return found.length > 0 ? found : undefined;
    }, WAIT);
    expect(writeOffs).toEqual([expect.objectContaining({ sku: 'RET-CUP', onHandDelta: -1 })]);
    expect(await available('RET-CUP', store)).toBe(before);
  });

  it('refuses a second return of an already-returned quantity with a clear 409, storing nothing', async () => {
    const order = await shippedOrder('WEB-RET-3', [{ sku: 'RET-SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    expect((await inStoreReturn(order, 1)).status).toBe(201);
    const second = await inStoreReturn(order, 1);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'RETURN_QUANTITY_EXCEEDED',
      details: { lines: [{ lineId: order.lines[0].id, sku: 'RET-SHIRT-M', requested: 1, returnable: 0, alreadyReturned: 1 }] },
    });
    expect(await count('returns', 'SELECT count(*) AS n FROM returns WHERE order_id = $1', [order.id])).toBe(1);
    const returnable = await ok('GET', `/v1/orders/${order.id}/returnable`);
    expect(returnable.lines[0]).toMatchObject({ returnableQuantity: 0, refusal: 'FULLY_RETURNED' });
  });

  it('answers bad input with 400 naming the fields, and stores nothing', async () => {
    const before = await count('returns', 'SELECT count(*) AS n FROM returns', []);
    const bad = await http('POST', '/v1/returns', { orderId: 'not-an-id', method: 'pigeon', lines: [], status: 'completed' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['orderId', 'method', 'lines', 'status']));
    expect(await count('returns', 'SELECT count(*) AS n FROM returns', [])).toBe(before);
  });

  it('places a linked exchange order that ships, and cancels the return when the exchange cannot be sourced', async () => {
    const order = await shippedOrder('WEB-RET-4', [{ sku: 'RET-SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    const created = await inStoreReturn(order, 1, { exchangeLines: [{ sku: 'RET-SHIRT-L', quantity: 1, unitPriceMinor: 2500 }] });
    expect(created.status).toBe(201);
    expect(created.body.exchange).toMatchObject({ returnedValueMinor: 2500, exchangeValueMinor: 2500, settlement: 'even' });
    const exchangeOrder = await ok('GET', `/v1/orders/${created.body.exchange.orderId}`);
    expect(exchangeOrder).toMatchObject({ channelOrderId: `${created.body.rmaNumber}-EXCHANGE`, customerEmail: 'ada@example.com' });
    expect(exchangeOrder.lines.map((l: any) => [l.sku, l.quantity])).toEqual([['RET-SHIRT-L', 1]]);
    await shipAll(exchangeOrder.id);
    await waitFor(async () => ((await ok('GET', `/v1/orders/${exchangeOrder.id}`)).status === 'shipped' ? true : undefined), WAIT);

    const other = await shippedOrder('WEB-RET-5', [{ sku: 'RET-SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    const refused = await inStoreReturn(other, 1, { exchangeLines: [{ sku: 'RET-SHIRT-L', quantity: 1000, unitPriceMinor: 2500 }] });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INSUFFICIENT_STOCK');
    const listed = await ok('GET', `/v1/returns?orderId=${other.id}`);
    expect(listed.items.map((r: any) => r.status)).toEqual(['cancelled']);
    expect((await ok('GET', `/v1/orders/${other.id}/returnable`)).lines[0].returnableQuantity).toBe(1);
  });

  it('never refunds more than was paid for the order, across all its returns', async () => {
    const order = await shippedOrder('WEB-RET-6', [{ sku: 'RET-CUP', quantity: 3, unitPriceMinor: 1333 }]);
    const refunds: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await inStoreReturn(order, 1);
      expect(created.status).toBe(201);
      refunds.push((await returnToStore(created.body, 'resellable')).refund.amountMinor);
    }
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(order.totalMinor);
    expect((await inStoreReturn(order, 1)).status).toBe(409);
    expect(
      await count('returns', 'SELECT credited_minor AS n FROM order_return_accounts WHERE order_id = $1', [order.id]),
    ).toBeLessThanOrEqual(order.totalMinor);
  });
});
