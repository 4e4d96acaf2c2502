import { positionKeyOf } from '../stock/position-deltas';
import { planFeedBatch, type ResolvedRow } from './feed-plan';

const L = '00000000-0000-4000-8000-000000000001';
const row = (line: number, sku: string, quantity: number): ResolvedRow => ({ line, sku, location: 'ST-1', locationId: L, quantity });
const feed = { feedId: 'F1', source: 'pos' };

describe(planFeedBatch.name, () => {
  const positions = new Map([
    [positionKeyOf({ sku: 'A', locationId: L }), { onHand: 10, reserved: 4, safetyStock: 0 }],
    [positionKeyOf({ sku: 'B', locationId: L }), { onHand: 5, reserved: 0, safetyStock: 0 }],
  ]);

  it('books a snapshot as count differences, skipping equal rows, never below reserved', () => {
    const plan = planFeedBatch([row(2, 'A', 2), row(3, 'B', 5), row(4, 'C', 7)], positions, 'snapshot', feed);
    expect(plan.intents.map((i) => [i.sku, i.type, i.onHandDelta, i.reference])).toEqual([
      ['A', 'count', -6, 'feed/F1/2'],
      ['C', 'count', 7, 'feed/F1/4'],
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.warnings).toEqual([expect.objectContaining({ line: 2, sku: 'A', reason: expect.stringContaining('2 unit(s) reserved') })]);
  });

  it('applies delta rows of one position in order and refuses one that would go below reserved', () => {
    const plan = planFeedBatch([row(2, 'A', -5), row(3, 'A', -2), row(4, 'A', 3), row(5, 'B', 0)], positions, 'delta', feed);
    expect(plan.intents.map((i) => [i.type, i.onHandDelta])).toEqual([
      ['adjustment', -5],
      ['adjustment', 3],
    ]);
    expect(plan.rejections).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('below the 4 unit(s) reserved') })]);
    expect(plan.unchanged).toBe(1);
  });
});
