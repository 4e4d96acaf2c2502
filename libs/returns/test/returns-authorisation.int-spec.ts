import type { returnsV1 } from '@baton/contracts';
import { waitFor } from '@baton/testing';
import { ReturnsHarness, TENANT, createRequest, location, order, peers, refusal, listRequest } from './returns-test-kit';

describe('returns: authorisation over gRPC', () => {
  const harness = new ReturnsHarness();
  const rma = (response: returnsV1.CreateReturnResponse) => response.rma as returnsV1.Return;

  beforeAll(() => harness.start('returns authorisation'));
  afterAll(() => harness.stop());
  beforeEach(() => peers.reset());

  it('authorises an online order line for return in a store, with history and an event', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 2, unitPriceMinor: 2500 }]);
    const created = await harness.call('createReturn', createRequest(online, { locationId: store.id }));
    expect(created.created).toBe(true);
    expect(rma(created)).toMatchObject({
      orderId: online.id,
      status: 'authorised',
      method: 'in_store',
      locationId: store.id,
      currency: 'EUR',
      customerEmail: 'ada@example.com',
      refundMode: 'refund',
      label: { status: 'not_needed' },
    });
    expect(rma(created).rmaNumber).toMatch(/^RMA-[A-Z2-9]{10}$/);
    expect(rma(created).lines).toEqual([
      expect.objectContaining({ orderLineId: online.lines[0].id, sku: 'SHIRT-M', quantity: 1, receivedQuantity: 0, reasonCode: 'changed_mind' }),
    ]);
    expect(rma(created).history).toEqual([expect.objectContaining({ fromStatus: '', toStatus: 'authorised', reason: 'authorised in store by store' })]);
    const [event] = await waitFor(async () => {
      const found = harness.events('returns.return.authorised.v1', rma(created).id);
      return found.length > 0 ? found : undefined;
    });
    expect(event).toMatchObject({ tenantId: TENANT, data: { orderId: online.id, method: 'in_store', locationId: store.id, exchange: false } });

    const returnable = await harness.call('getReturnable', { orderId: online.id });
    expect(returnable.lines).toEqual([
      expect.objectContaining({ sku: 'SHIRT-M', eligibleQuantity: 2, returnedQuantity: 1, returnableQuantity: 1, refusal: '', paidMinor: 5000 }),
    ]);
    expect(returnable.windowOpen).toBe(true);
  });

  it('refuses a second return of an already-returned quantity with a 409 naming the line', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    await harness.call('createReturn', createRequest(online, { locationId: store.id }));
    const error = await refusal(harness.call('createReturn', createRequest(online, { locationId: store.id })));
    expect(error).toMatchObject({ kind: 'conflict', code: 'RETURN_QUANTITY_EXCEEDED' });
    expect(error.details['lines']).toEqual([{ lineId: online.lines[0].id, sku: 'SHIRT-M', requested: 1, returnable: 0, alreadyReturned: 1 }]);
    expect(await harness.count('SELECT count(*) AS n FROM returns WHERE order_id = $1', [online.id])).toBe(1);
  });

  it('authorises exactly the shipped quantity when many returns of one line race each other', async () => {
    const store = location();
    const online = order([{ sku: 'MUG', quantity: 3, unitPriceMinor: 900 }]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => harness.call('createReturn', createRequest(online, { locationId: store.id }))),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(3);
    expect(lost.map((a) => (a.reason as { code: string }).code)).toEqual(Array(7).fill('RETURN_QUANTITY_EXCEEDED'));
    expect(await harness.count('SELECT COALESCE(sum(l.quantity), 0) AS n FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE r.order_id = $1', [online.id])).toBe(3);
  });

  it('answers a repeated reference with the same return, however concurrently it is sent', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 5, unitPriceMinor: 2500 }]);
    const request = createRequest(online, { locationId: store.id, reference: 'CH-RMA-77' });
    const first = await harness.call('createReturn', request);
    const again = await harness.call('createReturn', request);
    expect(again).toMatchObject({ created: false, rma: { id: rma(first).id } });
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => harness.call('createReturn', { ...request, reference: 'CH-RMA-78' })),
    );
    expect(new Set(racing.map((r) => rma(r).id)).size).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(await harness.count('SELECT count(*) AS n FROM returns WHERE order_id = $1', [online.id])).toBe(2);
  });

  it('refuses lines that never reached the customer, storing nothing', async () => {
    const store = location();
    const placed = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 2500, status: 'sourced' }]);
    const error = await refusal(harness.call('createReturn', createRequest(placed, { locationId: store.id })));
    expect(error).toMatchObject({ kind: 'precondition', code: 'LINE_NOT_RETURNABLE' });
    expect(error.details['lines']).toEqual([{ lineId: placed.lines[0].id, sku: 'SHIRT-M', refusal: 'NOT_SHIPPED' }]);
    expect(await harness.count('SELECT count(*) AS n FROM returns WHERE order_id = $1', [placed.id])).toBe(0);
  });

  it('applies the tenant policy: window, non-returnable and final-sale items', async () => {
    const store = location();
    await harness.call('setReturnPolicy', {
      policy: {
        returnWindowDays: 14,
        reasons: [
          { code: 'changed_mind', label: 'Changed my mind', merchantFault: false },
          { code: 'defective', label: 'Defective', merchantFault: true },
        ],
        nonReturnableSkus: ['GIFT-*'],
        finalSaleSkus: ['SALE-*'],
        restockingFeeBps: 0,
        shippingRefund: 'never',
        defaultMailLocationId: '',
        dispositionRules: [],
        refundableGrades: [],
        version: 0,
        updatedAt: '',
      },
    });
    try {
      const old = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 100 }], { createdAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });
      const windowError = await refusal(harness.call('createReturn', createRequest(old, { locationId: store.id })));
      expect(windowError.details['lines']).toEqual([expect.objectContaining({ refusal: 'WINDOW_CLOSED' })]);

      const mixed = order([
        { sku: 'GIFT-CARD', quantity: 1, unitPriceMinor: 5000 },
        { sku: 'SALE-SHIRT', quantity: 1, unitPriceMinor: 1000 },
      ]);
      const [gift, sale] = mixed.lines;
      const ruleError = await refusal(
        harness.call('createReturn', createRequest(mixed, { locationId: store.id, lines: [{ lineId: gift.id, quantity: 1, reasonCode: 'defective', note: '' }] })),
      );
      expect(ruleError.details['lines']).toEqual([expect.objectContaining({ refusal: 'NON_RETURNABLE' })]);
      const finalSale = await refusal(
        harness.call('createReturn', createRequest(mixed, { locationId: store.id, lines: [{ lineId: sale.id, quantity: 1, reasonCode: 'changed_mind', note: '' }] })),
      );
      expect(finalSale.details['lines']).toEqual([expect.objectContaining({ refusal: 'FINAL_SALE' })]);
      const defective = await harness.call(
        'createReturn',
        createRequest(mixed, { locationId: store.id, lines: [{ lineId: sale.id, quantity: 1, reasonCode: 'defective', note: 'screen dead' }] }),
      );
      expect(defective.created).toBe(true);
      const unknownReason = await refusal(
        harness.call('createReturn', createRequest(mixed, { locationId: store.id, lines: [{ lineId: sale.id, quantity: 1, reasonCode: 'wrong_size', note: '' }] })),
      );
      expect(unknownReason).toMatchObject({ kind: 'invalid' });
      expect(unknownReason.violations.map((v) => v.field)).toEqual(['lines[0].reasonCode']);
    } finally {
      await harness.db.query('DELETE FROM return_policies');
    }
  });

  it('only takes returns at active locations that accept them, and names an unknown one', async () => {
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    const warehouse = location({ type: 'warehouse', capabilities: ['ship'] });
    const closed = location({ active: false });
    for (const where of [warehouse, closed]) {
      const error = await refusal(harness.call('createReturn', createRequest(online, { locationId: where.id })));
      expect(error).toMatchObject({ kind: 'precondition', code: 'LOCATION_NOT_ACCEPTING_RETURNS', details: { locationId: where.id } });
    }
    const unknown = await refusal(harness.call('createReturn', createRequest(online, { locationId: '00000000-0000-4000-8000-000000000000' })));
    expect(unknown.violations.map((v) => v.field)).toEqual(['locationId']);
    expect(await harness.count('SELECT count(*) AS n FROM returns WHERE order_id = $1', [online.id])).toBe(0);
  });

  it('authorises a mail return without a label and says why', async () => {
    const dc = location({ type: 'warehouse', capabilities: ['ship', 'accept_returns'] });
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    const created = await harness.call('createReturn', createRequest(online, { method: 'mail', locationId: dc.id, createdBy: 'channel' }));
    expect(rma(created).label).toMatchObject({ status: 'unavailable', trackingNumber: '' });
    expect(rma(created).label?.message).toContain('no carrier offers return labels');
  });

  it('refuses an order that does not exist with 404 and bad input with 400 naming the fields', async () => {
    const store = location();
    const missing = await refusal(
      harness.call(
        'createReturn',
        createRequest(order([{ sku: 'A', quantity: 1, unitPriceMinor: 1 }]), { orderId: '00000000-0000-4000-8000-000000000001', locationId: store.id }),
      ),
    );
    expect(missing).toMatchObject({ kind: 'not_found', code: 'ORDER_NOT_FOUND' });
    const bad = await refusal(
      harness.call('createReturn', { ...createRequest(order([{ sku: 'A', quantity: 1, unitPriceMinor: 1 }])), method: 'drone', lines: [] }),
    );
    expect(bad.violations.map((v) => v.field)).toEqual(['method', 'lines']);
  });

  it('keeps tenants apart: another tenant neither sees nor lists the return', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 2500 }]);
    const created = rma(await harness.call('createReturn', createRequest(online, { locationId: store.id })));
    const other = await refusal(harness.call('getReturn', { returnId: created.id }, 'globex'));
    expect(other).toMatchObject({ kind: 'not_found', code: 'RETURN_NOT_FOUND' });
    const listed = await harness.call('listReturns', listRequest({ orderId: online.id }), 'globex');
    expect(listed.returns).toEqual([]);
    const own = await harness.call('listReturns', listRequest({ orderId: online.id }));
    expect(own.returns.map((r) => r.id)).toEqual([created.id]);
  });

  it('lists by status and location, newest first, a page at a time', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 5, unitPriceMinor: 2500 }]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(rma(await harness.call('createReturn', createRequest(online, { locationId: store.id }))).id);
    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await harness.call('listReturns', listRequest({ status: 'authorised', locationId: store.id, pageSize: 2, pageToken }));
      pages.push(page.returns.map((r) => r.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual([...ids].reverse());
    const bad = await refusal(harness.call('listReturns', listRequest({ orderId: 'x', status: 'lost', pageSize: 500, pageToken: '%%' })));
    expect(bad.violations.map((v) => v.field)).toEqual(['orderId', 'status', 'pageSize', 'pageToken']);
  });
});
