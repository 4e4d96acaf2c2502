import type { ordersV1, returnsV1 } from '@baton/contracts';
import { waitFor } from '@baton/testing';
import { ReturnsHarness, createRequest, location, order, peers, refusal, listRequest } from './returns-test-kit';

describe('returns: refunds from the price paid, and exchanges, over gRPC', () => {
  const harness = new ReturnsHarness();

  beforeAll(() => harness.start('returns refunds'));
  afterAll(() => harness.stop());
  beforeEach(() => peers.reset());

  /** Creates, receives, grades and disposes one return; answers the completed return. */
  async function returnThrough(
    online: ordersV1.Order,
    storeId: string,
    lines: Array<{ lineId: string; quantity: number; received?: number; reasonCode?: string }>,
    extra: Partial<returnsV1.CreateReturnRequest> = {},
  ): Promise<returnsV1.Return> {
    const rma = (await harness.call(
      'createReturn',
      createRequest(online, {
        locationId: storeId,
        lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, reasonCode: l.reasonCode ?? 'changed_mind', note: '' })),
        ...extra,
      }),
    )).rma as returnsV1.Return;
    const arriving = lines.filter((l) => (l.received ?? l.quantity) > 0).map((l) => ({ lineId: l.lineId, quantity: l.received ?? l.quantity }));
    const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: storeId, lines: arriving, unexpected: [] }))
      .rma as returnsV1.Return;
    await harness.call('inspectReturn', {
      returnId: rma.id,
      grades: received.units.map((u) => ({ unitId: u.id, grade: 'resellable', note: '' })),
      finish: true,
    });
    return (await harness.call('disposeReturn', { returnId: rma.id, units: [] })).rma as returnsV1.Return;
  }

  it('refunds a line returned in three parts to exactly what was paid for it, discount and tax prorated', async () => {
    const store = location();
    // 3 × 999 − 100 discount = 2897 net (966/966/965 per unit), 550 tax (184/183/183).
    const online = order([
      { sku: 'PEN', quantity: 3, unitPriceMinor: 999, discountMinor: 100, taxMinor: 550 },
      { sku: 'INK', quantity: 1, unitPriceMinor: 101 },
    ]);
    const lineId = online.lines[0].id;
    const refunds: Array<returnsV1.Refund | undefined> = [];
    for (let i = 0; i < 3; i += 1) refunds.push((await returnThrough(online, store.id, [{ lineId, quantity: 1 }])).refund);
    expect(refunds.map((r) => [r?.merchandiseMinor, r?.taxMinor, r?.amountMinor])).toEqual([
      [966, 184, 1150],
      [966, 183, 1149],
      [965, 183, 1148],
    ]);
    const account = await harness.db.query('SELECT paid_minor, credited_minor FROM order_return_accounts WHERE order_id = $1', [online.id]);
    expect(account).toEqual([{ paid_minor: String(2897 + 550 + 101), credited_minor: String(2897 + 550) }]);
    expect((await harness.call('getReturnable', { orderId: online.id })).lines[0]).toMatchObject({ paidMinor: 3447, returnableQuantity: 0, refusal: 'FULLY_RETURNED' });
  });

  it('charges the restocking fee by policy, not for merchant-fault reasons, and refunds units that never arrived on a later return', async () => {
    await harness.call('setReturnPolicy', {
      policy: {
        returnWindowDays: 30,
        reasons: [
          { code: 'changed_mind', label: 'Changed my mind', merchantFault: false },
          { code: 'defective', label: 'Defective', merchantFault: true },
        ],
        nonReturnableSkus: [],
        finalSaleSkus: [],
        restockingFeeBps: 1000,
        shippingRefund: 'merchant_fault',
        defaultMailLocationId: '',
        dispositionRules: [],
        refundableGrades: [],
        version: 0,
        updatedAt: '',
      },
    });
    try {
      const store = location();
      const online = order([{ sku: 'LAMP', quantity: 2, unitPriceMinor: 4999 }]);
      const lineId = online.lines[0].id;
      const first = await returnThrough(online, store.id, [{ lineId, quantity: 2, received: 1 }]);
      expect(first.refund).toMatchObject({ merchandiseMinor: 4999, restockingFeeMinor: 499, amountMinor: 4500 });
      expect((await harness.call('getReturnable', { orderId: online.id })).lines[0].returnableQuantity).toBe(1);
      const second = await returnThrough(online, store.id, [{ lineId, quantity: 1, reasonCode: 'defective' }]);
      expect(second.refund).toMatchObject({ merchandiseMinor: 4999, restockingFeeMinor: 0, amountMinor: 4999 });
    } finally {
      await harness.db.query('DELETE FROM return_policies');
    }
  });

  it('never credits an order beyond what was paid, even when its returns complete at the same time', async () => {
    const store = location();
    const online = order([{ sku: 'CUP', quantity: 6, unitPriceMinor: 1001 }]);
    const lineId = online.lines[0].id;
    const inspected: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const rma = (await harness.call('createReturn', createRequest(online, { locationId: store.id, lines: [{ lineId, quantity: 1, reasonCode: 'changed_mind', note: '' }] })))
        .rma as returnsV1.Return;
      const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }))
        .rma as returnsV1.Return;
      await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: received.units[0].id, grade: 'resellable', note: '' }], finish: true });
      inspected.push(rma.id);
    }
    const completed = await Promise.all(inspected.map((returnId) => harness.call('disposeReturn', { returnId, units: [] })));
    const total = completed.reduce((sum, r) => sum + (r.rma?.refund?.amountMinor ?? 0), 0);
    expect(total).toBe(6 * 1001);
    expect(await harness.count('SELECT credited_minor AS n FROM order_return_accounts WHERE order_id = $1', [online.id])).toBe(6 * 1001);
    expect(await harness.count('SELECT credited_units AS n FROM order_line_credits WHERE order_id = $1', [online.id])).toBe(6);
  });

  it('has the database refuse any credit beyond what was paid, whatever the code computed', async () => {
    const store = location();
    const online = order([{ sku: 'CUP', quantity: 1, unitPriceMinor: 1000 }]);
    await returnThrough(online, store.id, [{ lineId: online.lines[0].id, quantity: 1 }]);
    await expect(
      harness.db.query('UPDATE order_return_accounts SET credited_minor = credited_minor + 1 WHERE order_id = $1', [online.id]),
    ).rejects.toThrow(/order_return_accounts_credit_within_paid/);
  });

  it('places a linked exchange order at once and pays out only the surplus after inspection', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 3000 }]);
    const lineId = online.lines[0].id;
    const created = (await harness.call(
      'createReturn',
      createRequest(online, { locationId: store.id, lines: [{ lineId, quantity: 1, reasonCode: 'wrong_size', note: '' }], exchangeLines: [{ sku: 'SHIRT-L', quantity: 1, unitPriceMinor: 2800 }] }),
    )).rma as returnsV1.Return;
    expect(peers.placeCalls).toHaveLength(1);
    expect(peers.placeCalls[0]).toMatchObject({
      channel: 'web',
      channelOrderId: `${created.rmaNumber}-EXCHANGE`,
      customerEmail: 'ada@example.com',
      currency: 'EUR',
      shipTo: expect.objectContaining({ name: 'Ada Lovelace' }),
      lines: [{ sku: 'SHIRT-L', quantity: 1, unitPriceMinor: 2800 }],
      attributes: { values: { exchangeForOrderId: online.id, returnId: created.id, rmaNumber: created.rmaNumber } },
    });
    expect(created.exchange).toMatchObject({ returnedValueMinor: 3000, exchangeValueMinor: 2800, differenceMinor: -200, settlement: 'refund', settlementMinor: 200 });
    expect(peers.orders.has(created.exchange?.orderId as string)).toBe(true);
    const placed = await waitFor(async () => {
      const found = harness.events('returns.exchange.placed.v1', created.id);
      return found.length > 0 ? found : undefined;
    });
    expect(placed[0].data).toMatchObject({ orderId: online.id, exchangeOrderId: created.exchange?.orderId, settlement: 'refund', amountMinor: 200 });

    const received = (await harness.call('receiveReturn', { returnId: created.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }))
      .rma as returnsV1.Return;
    await harness.call('inspectReturn', { returnId: created.id, grades: [{ unitId: received.units[0].id, grade: 'resellable', note: '' }], finish: true });
    const completed = (await harness.call('disposeReturn', { returnId: created.id, units: [] })).rma as returnsV1.Return;
    expect(completed.refund).toMatchObject({ amountMinor: 200, exchangeAppliedMinor: 2800, outstandingMinor: 0 });
  });

  it('asks the payment side to charge the difference of a dearer exchange, and refunds nothing later', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 3000 }]);
    const lineId = online.lines[0].id;
    const done = await returnThrough(online, store.id, [{ lineId, quantity: 1 }], { exchangeLines: [{ sku: 'JACKET', quantity: 1, unitPriceMinor: 8000 }] });
    expect(done.exchange).toMatchObject({ differenceMinor: 5000, settlement: 'charge', settlementMinor: 5000 });
    expect(done.refund).toMatchObject({ status: 'not_requested', amountMinor: 0, exchangeAppliedMinor: 8000 });
  });

  it('cancels the return when the exchange cannot be sourced (compensation), answering the 409', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 3000 }]);
    peers.refusePlacement = true;
    const error = await refusal(
      harness.call('createReturn', createRequest(online, { locationId: store.id, exchangeLines: [{ sku: 'SHIRT-XL', quantity: 1, unitPriceMinor: 3000 }] })),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    const [cancelled] = (await harness.call('listReturns', listRequest({ orderId: online.id }))).returns;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)?.reason).toContain('exchange order not placed (INSUFFICIENT_STOCK');
    expect((await harness.call('getReturnable', { orderId: online.id })).lines[0].returnableQuantity).toBe(1);
    await waitFor(async () => harness.events('returns.return.cancelled.v1', cancelled.id).length === 1);
  });

  it('cancels the placed exchange order and the return when linking them fails (compensation of a later step)', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 3000 }]);
    peers.afterPlace = () =>
      harness.db.query(
        `ALTER TABLE returns ADD CONSTRAINT test_no_exchange_link CHECK (exchange IS NULL OR exchange->>'status' <> 'placed') NOT VALID`,
      );
    try {
      await expect(
        harness.call('createReturn', createRequest(online, { locationId: store.id, exchangeLines: [{ sku: 'SHIRT-L', quantity: 1, unitPriceMinor: 3000 }] })),
      ).rejects.toMatchObject({ kind: 'internal' });
    } finally {
      await harness.db.query('ALTER TABLE returns DROP CONSTRAINT IF EXISTS test_no_exchange_link');
    }
    const exchangeOrderId = [...peers.orders.values()].find((o) => o.channelOrderId.endsWith('-EXCHANGE'))?.id;
    expect(peers.cancelCalls).toEqual([expect.objectContaining({ orderId: exchangeOrderId, lines: [] })]);
    expect(peers.orders.get(exchangeOrderId as string)?.status).toBe('cancelled');
    const [cancelled] = (await harness.call('listReturns', listRequest({ orderId: online.id }))).returns;
    expect(cancelled).toMatchObject({ status: 'cancelled', exchange: { orderId: '' } });
    expect((await harness.call('getReturnable', { orderId: online.id })).lines[0].returnableQuantity).toBe(1);
  });

  it('refuses to cancel a return whose exchange order is still open', async () => {
    const store = location();
    const online = order([{ sku: 'SHIRT-M', quantity: 1, unitPriceMinor: 3000 }]);
    const created = (await harness.call(
      'createReturn',
      createRequest(online, { locationId: store.id, exchangeLines: [{ sku: 'SHIRT-L', quantity: 1, unitPriceMinor: 3000 }] }),
    )).rma as returnsV1.Return;
    const error = await refusal(harness.call('cancelReturn', { returnId: created.id, reason: 'changed mind again' }));
    expect(error).toMatchObject({ kind: 'precondition', code: 'EXCHANGE_ORDER_OPEN', details: { exchangeOrderId: created.exchange?.orderId } });
    const exchangeOrder = peers.orders.get(created.exchange?.orderId as string) as ordersV1.Order;
    exchangeOrder.status = 'cancelled';
    const cancelled = (await harness.call('cancelReturn', { returnId: created.id, reason: 'changed mind again' })).rma as returnsV1.Return;
    expect(cancelled.status).toBe('cancelled');
  });
});
