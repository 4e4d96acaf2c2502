import type { returnsV1 } from '@baton/contracts';
import { ReturnsHarness, createRequest, location, order, peers } from './returns-test-kit';

describe('returns: one return handled by many clients at once', () => {
  const harness = new ReturnsHarness();

  beforeAll(() => harness.start('returns concurrency'));
  afterAll(() => harness.stop());
  beforeEach(() => peers.reset());

  it('receives no more than was authorised when scanners race on one line', async () => {
    const store = location();
    const online = order([{ sku: 'MUG', quantity: 5, unitPriceMinor: 900 }]);
    const lineId = online.lines[0].id;
    const rma = (await harness.call('createReturn', createRequest(online, { locationId: store.id, lines: [{ lineId, quantity: 3, reasonCode: 'changed_mind', note: '' }] })))
      .rma as returnsV1.Return;
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        harness.call('receiveReturn', { returnId: rma.id, receiptId: `scan-${i}`, locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }),
      ),
    );
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(refused.map((a) => (a.reason as { code: string }).code)).toEqual(Array(5).fill('RECEIPT_EXCEEDS_AUTHORISED'));
    expect(await harness.count('SELECT count(*) AS n FROM return_units WHERE return_id = $1', [rma.id])).toBe(3);
    expect(await harness.count('SELECT received_quantity AS n FROM return_lines WHERE return_id = $1', [rma.id])).toBe(3);
  });

  it('completes a return once and refunds it once when it is disposed twice at the same time', async () => {
    const store = location();
    const online = order([{ sku: 'MUG', quantity: 1, unitPriceMinor: 900 }]);
    const lineId = online.lines[0].id;
    const rma = (await harness.call('createReturn', createRequest(online, { locationId: store.id }))).rma as returnsV1.Return;
    const received = (await harness.call('receiveReturn', { returnId: rma.id, receiptId: 'r', locationId: store.id, lines: [{ lineId, quantity: 1 }], unexpected: [] }))
      .rma as returnsV1.Return;
    await harness.call('inspectReturn', { returnId: rma.id, grades: [{ unitId: received.units[0].id, grade: 'resellable', note: '' }], finish: true });
    const attempts = await Promise.allSettled(Array.from({ length: 4 }, () => harness.call('disposeReturn', { returnId: rma.id, units: [] })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(
      attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => (a.reason as { code: string }).code),
    ).toEqual(Array(3).fill('ILLEGAL_TRANSITION'));
    expect(await harness.count('SELECT count(*) AS n FROM refunds WHERE return_id = $1', [rma.id])).toBe(1);
    expect(await harness.count('SELECT credited_minor AS n FROM order_return_accounts WHERE order_id = $1', [online.id])).toBe(900);
    expect(await harness.count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'returns.refund.requested.v1'`, [rma.id])).toBe(1);
  });
});
