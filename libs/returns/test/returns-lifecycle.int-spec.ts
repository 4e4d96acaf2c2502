import type { returnsV1 } from '@baton/contracts';
import type { ReturnDisposedV1 } from '@baton/domain';
import { waitFor } from '@baton/testing';
import { ReturnsHarness, createRequest, location, order, peers, refusal, listRequest } from './returns-test-kit';

describe('returns: receipt, inspection, disposition and refund over gRPC', () => {
  const harness = new ReturnsHarness();

  beforeAll(() => harness.start('returns lifecycle'));
  afterAll(() => harness.stop());
  beforeEach(() => peers.reset());

  const unitsOf = (r: returnsV1.Return, lineId: string) => r.units.filter((u) => u.orderLineId === lineId);

  async function authorised(quantity: number, lines = [{ sku: 'SHIRT-M', quantity: 3, unitPriceMinor: 2500 }]) {
    const store = location();
    const online = order(lines);
    const created = await harness.call(
      'createReturn',
      createRequest(online, { locationId: store.id, lines: [{ lineId: online.lines[0].id, quantity, reasonCode: 'changed_mind', note: '' }] }),
    );
    return { store, online, rma: created.rma as returnsV1.Return };
  }

  it('receives in parts at another store, records an unexpected item, and repeats a receipt harmlessly', async () => {
    const { online, rma } = await authorised(2);
    const otherStore = location();
    const lineId = online.lines[0].id;
    const first = await harness.call('receiveReturn', {
      returnId: rma.id,
      receiptId: 'scan-1',
      locationId: otherStore.id,
      lines: [{ lineId, quantity: 1 }],
      unexpected: [{ sku: 'SOCKS', quantity: 1, note: 'not on the RMA' }],
    });
    expect(first.rma).toMatchObject({ status: 'received', lines: [expect.objectContaining({ receivedQuantity: 1 })] });
    const repeat = await harness.call('receiveReturn', {
      returnId: rma.id,
      receiptId: 'scan-1',
      locationId: otherStore.id,
      lines: [{ lineId, quantity: 1 }],
      unexpected: [],
    });
    expect(repeat.rma?.units).toHaveLength(2);
    const second = await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'scan-2', locationId: otherStore.id, lines: [{ lineId, quantity: 1 }], unexpected: [] });
    const received = second.rma as returnsV1.Return;
    expect(received.lines[0].receivedQuantity).toBe(2);
    expect(received.units.map((u) => [u.sku, u.unexpected, u.locationId, u.receiptId])).toEqual([
      ['SHIRT-M', false, otherStore.id, 'scan-1'],
      ['SOCKS', true, otherStore.id, 'scan-1'],
      ['SHIRT-M', false, otherStore.id, 'scan-2'],
    ]);
    expect(received.history.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual(['→authorised', 'authorised→received', 'received→received']);
    const events = await waitFor(async () => {
      const found = harness.events('returns.return.received.v1', rma.id);
      return found.length === 2 ? found : undefined;
    });
    expect(events.map((e) => (e.data as { partial: boolean }).partial)).toEqual([true, false]);

    const exceeding = await refusal(
      harness.call('receiveReturn', { returnId: rma.id, receiptId: 'scan-3', locationId: otherStore.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }),
    );
    expect(exceeding).toMatchObject({ kind: 'conflict', code: 'RECEIPT_EXCEEDS_AUTHORISED', details: { lines: [{ lineId, received: 1, outstanding: 0 }] } });
    expect(await harness.count('SELECT count(*) AS n FROM return_units WHERE return_id = $1', [rma.id])).toBe(3);
    const listed = await harness.call('listReturns', listRequest({ locationIds: [location().id, otherStore.id] }));
    expect(listed.returns.map((r) => r.id)).toEqual([rma.id]);
  });

  it('refuses receipts at a location that does not take returns', async () => {
    const { online, rma } = await authorised(1);
    const warehouse = location({ capabilities: ['ship'] });
    const error = await refusal(
      harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: warehouse.id, lines: [{ lineId: online.lines[0].id, quantity: 1 }], unexpected: [] }),
    );
    expect(error.code).toBe('LOCATION_NOT_ACCEPTING_RETURNS');
  });

  it('grades units, needs every received unit graded to finish, and records what never arrived as missing', async () => {
    const { store, online, rma } = await authorised(3);
    const lineId = online.lines[0].id;
    const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r1', locationId: store.id, lines: [{ lineId, quantity: 2 }], unexpected: [] }))
      .rma as returnsV1.Return;
    const [a, b] = received.units;
    await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: a.id, grade: 'resellable', note: '' }], finish: false });
    const incomplete = await refusal(harness.call('inspectReturn', { returnId: rma.id, grades: [], finish: true }));
    expect(incomplete).toMatchObject({ kind: 'precondition', code: 'INSPECTION_INCOMPLETE', details: { ungradedUnitIds: [b.id] } });
    const unknownUnit = await refusal(
      harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: '00000000-0000-4000-8000-000000000000', grade: 'damaged', note: '' }], finish: false }),
    );
    expect(unknownUnit.violations.map((v) => v.field)).toEqual(['grades[0].unitId']);
    const inspected = (await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: b.id, grade: 'damaged', note: 'torn' }], finish: true }))
      .rma as returnsV1.Return;
    expect(inspected.status).toBe('inspected');
    expect(unitsOf(inspected, lineId).map((u) => [u.grade, u.received])).toEqual([
      ['resellable', true],
      ['damaged', true],
      ['missing', false],
    ]);
    const late = await refusal(
      harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r2', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }),
    );
    expect(late).toMatchObject({ kind: 'precondition', code: 'ILLEGAL_TRANSITION', details: { from: 'inspected', to: 'received' } });
    const returnable = await harness.call('getReturnable', { orderId: online.id });
    expect(returnable.lines[0]).toMatchObject({ returnedQuantity: 2, returnableQuantity: 1 });
  });

  it('disposes every unit by rule or by choice, settles the refund and completes, announcing each step', async () => {
    const hub = location({ type: 'warehouse', capabilities: ['receive_transfers'] });
    const { store, online, rma } = await authorised(3);
    const lineId = online.lines[0].id;
    const received = (await harness.call('receiveReturn', {
      returnId: rma.id,
      receiptId: 'r1',
      locationId: store.id,
      lines: [{ lineId, quantity: 3 }],
      unexpected: [{ sku: 'SOCKS', quantity: 1, note: '' }],
    })).rma as returnsV1.Return;
    const [u1, u2, u3, socks] = received.units;
    await harness.call('inspectReturn', {
      returnId: rma.id,
      grades: [
        { unitId: u1.id, grade: 'resellable', note: '' },
        { unitId: u2.id, grade: 'resellable', note: '' },
        { unitId: u3.id, grade: 'damaged', note: '' },
        { unitId: socks.id, grade: 'resellable', note: '' },
      ],
      finish: true,
    });
    const badChoice = await refusal(
      harness.call('disposeReturn', { returnId: rma.id, units: [{ unitId: u2.id, disposition: 'transfer', targetLocationId: '' }] }),
    );
    expect(badChoice.violations.map((v) => v.field)).toEqual(['units[0].targetLocationId']);
    const completed = (await harness.call('disposeReturn', {
      returnId: rma.id,
      units: [{ unitId: u2.id, disposition: 'transfer', targetLocationId: hub.id }],
    })).rma as returnsV1.Return;
    expect(completed.status).toBe('completed');
    expect(completed.units.map((u) => [u.grade, u.disposition, u.targetLocationId])).toEqual([
      ['resellable', 'restock', ''],
      ['resellable', 'transfer', hub.id],
      ['damaged', 'write_off', ''],
      ['resellable', 'none', ''],
    ]);
    expect(completed.refund).toMatchObject({ status: 'requested', amountMinor: 3 * 2500, merchandiseMinor: 7500, restockingFeeMinor: 0, currency: 'EUR' });

    const types = await waitFor(async () => {
      const found = harness.published.filter((e) => e.aggregateId === rma.id).map((e) => e.type);
      return found.includes('returns.return.completed.v1') ? found : undefined;
    });
    expect(types).toEqual([
      'returns.return.authorised.v1',
      'returns.return.received.v1',
      'returns.return.inspected.v1',
      'returns.return.disposed.v1',
      'returns.refund.requested.v1',
      'returns.return.completed.v1',
    ]);
    const [disposed] = harness.events('returns.return.disposed.v1', rma.id);
    expect(disposed.data as ReturnDisposedV1).toEqual({
      returnId: rma.id,
      orderId: online.id,
      locationId: store.id,
      units: [
        { lineId, sku: 'SHIRT-M', quantity: 1, disposition: 'restock' },
        { lineId, sku: 'SHIRT-M', quantity: 1, disposition: 'transfer', targetLocationId: hub.id },
        { lineId, sku: 'SHIRT-M', quantity: 1, disposition: 'write_off' },
        { lineId: `unexpected:${socks.id}`, sku: 'SOCKS', quantity: 1, disposition: 'none' },
      ],
    });
    const [requested] = harness.events('returns.refund.requested.v1', rma.id);
    expect(requested.data).toMatchObject({ refundId: completed.refund?.id, amountMinor: 7500, lines: [{ lineId, quantity: 3, merchandiseMinor: 7500, taxMinor: 0 }] });

    const again = await refusal(harness.call('disposeReturn', { returnId: rma.id, units: [] }));
    expect(again).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'completed', to: 'completed', reason: 'SAME_STATUS' } });
  });

  it('lets an unexpected item enter stock only under a SKU inventory knows', async () => {
    const { store, online, rma } = await authorised(1);
    const received = (await harness.call('receiveReturn', {
      returnId: rma.id,
      receiptId: 'r',
      locationId: store.id,
      lines: [{ lineId: online.lines[0].id, quantity: 1 }],
      unexpected: [
        { sku: 'SOCKS', quantity: 1, note: '' },
        { sku: 'MYSTERY', quantity: 1, note: '' },
      ],
    })).rma as returnsV1.Return;
    await harness.call('inspectReturn', { returnId: rma.id, grades: received.units.map((u) => ({ unitId: u.id, grade: 'resellable', note: '' })), finish: true });
    const [, socks, mystery] = received.units;
    peers.items.add('SOCKS');
    const refused = await refusal(
      harness.call('disposeReturn', {
        returnId: rma.id,
        units: [
          { unitId: socks.id, disposition: 'restock', targetLocationId: '' },
          { unitId: mystery.id, disposition: 'restock', targetLocationId: '' },
        ],
      }),
    );
    expect(refused.violations.map((v) => v.field)).toEqual(['units[1].disposition']);
    const completed = (await harness.call('disposeReturn', { returnId: rma.id, units: [{ unitId: socks.id, disposition: 'restock', targetLocationId: '' }] }))
      .rma as returnsV1.Return;
    expect(completed.units.map((u) => [u.sku, u.disposition])).toEqual([
      ['SHIRT-M', 'restock'],
      ['SOCKS', 'restock'],
      ['MYSTERY', 'none'],
    ]);
  });

  it('takes the payment side\'s confirmation once, and refuses a contradicting one', async () => {
    const { store, online, rma } = await authorised(1);
    const lineId = online.lines[0].id;
    const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }))
      .rma as returnsV1.Return;
    await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: received.units[0].id, grade: 'resellable', note: '' }], finish: true });
    const completed = (await harness.call('disposeReturn', { returnId: rma.id, units: [] })).rma as returnsV1.Return;
    const refundId = completed.refund?.id as string;
    const confirm = { returnId: rma.id, refundId, outcome: 'succeeded', paymentReference: 'psp-123', message: '' };
    const confirmed = (await harness.call('confirmRefund', confirm)).rma as returnsV1.Return;
    expect(confirmed.refund).toMatchObject({ status: 'confirmed', paymentReference: 'psp-123' });
    expect(confirmed.refund?.settledAt).not.toBe('');
    await harness.call('confirmRefund', confirm);
    const contradiction = await refusal(harness.call('confirmRefund', { ...confirm, outcome: 'failed' }));
    expect(contradiction).toMatchObject({ kind: 'conflict', code: 'REFUND_ALREADY_SETTLED' });
    const wrongId = await refusal(harness.call('confirmRefund', { ...confirm, refundId: '00000000-0000-4000-8000-000000000000' }));
    expect(wrongId.code).toBe('REFUND_NOT_FOUND');
    const noReference = await refusal(harness.call('confirmRefund', { ...confirm, paymentReference: '' }));
    expect(noReference.violations.map((v) => v.field)).toEqual(['paymentReference']);
    const settled = await waitFor(async () => {
      const found = harness.events('returns.refund.settled.v1', rma.id);
      return found.length > 0 ? found : undefined;
    });
    expect(settled).toHaveLength(1);
    expect(settled[0].data).toMatchObject({ outcome: 'succeeded', amountMinor: 2500, paymentReference: 'psp-123' });
  });

  it('receives a return without a refund (lost-parcel claim) and completes without asking for money', async () => {
    const store = location();
    const online = order([{ sku: 'TV-55', quantity: 1, unitPriceMinor: 49900 }]);
    const lineId = online.lines[0].id;
    const rma = (await harness.call(
      'createReturn',
      createRequest(online, { locationId: store.id, createdBy: 'customer_service', refundMode: 'none', noRefundReason: 'lost-parcel claim paid by carrier' }),
    )).rma as returnsV1.Return;
    const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }))
      .rma as returnsV1.Return;
    await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: received.units[0].id, grade: 'resellable', note: '' }], finish: true });
    const completed = (await harness.call('disposeReturn', { returnId: rma.id, units: [] })).rma as returnsV1.Return;
    expect(completed.refund).toMatchObject({ status: 'not_requested', amountMinor: 0, message: 'no refund: lost-parcel claim paid by carrier' });
    await waitFor(async () => harness.events('returns.return.completed.v1', rma.id).length === 1);
    expect(harness.events('returns.refund.requested.v1', rma.id)).toEqual([]);
  });

  it('cancels before anything arrived, freeing the quantity, and refuses to cancel what was received', async () => {
    const { store, online, rma } = await authorised(3);
    const lineId = online.lines[0].id;
    await harness.call('markInTransit', { returnId: rma.id, carrier: 'PostNL', trackingNumber: '3SABC' });
    const cancelled = (await harness.call('cancelReturn', { returnId: rma.id, reason: 'customer kept it' })).rma as returnsV1.Return;
    expect(cancelled).toMatchObject({ status: 'cancelled', carrier: 'PostNL', trackingNumber: '3SABC' });
    expect((await harness.call('getReturnable', { orderId: online.id })).lines[0].returnableQuantity).toBe(3);

    const second = (await harness.call('createReturn', createRequest(online, { locationId: store.id }))).rma as returnsV1.Return;
    await harness.call('receiveReturn', { returnId: second.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] });
    const late = await refusal(harness.call('cancelReturn', { returnId: second.id, reason: 'too late' }));
    expect(late).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'received', to: 'cancelled', reason: 'NOT_ALLOWED' } });
    const rejected = (await harness.call('rejectReturn', { returnId: second.id, reason: 'item was worn' })).rma as returnsV1.Return;
    expect(rejected.status).toBe('rejected');
    expect(rejected.history.map((h) => h.toStatus)).toEqual(['authorised', 'received', 'rejected']);
    const noReason = await refusal(harness.call('rejectReturn', { returnId: second.id, reason: ' ' }));
    expect(noReason.violations.map((v) => v.field)).toEqual(['reason']);
    await waitFor(async () => harness.events('returns.return.rejected.v1', second.id).length === 1 && harness.events('returns.return.cancelled.v1', rma.id).length === 1);
  });
});
