import type { MovementIntent, PositionState } from '../stock/position-deltas';
import { countDelta, positionKeyOf } from '../stock/position-deltas';
import type { FeedMode, FeedRow, FeedRowError } from './feed-parser';

/** A feed row with its location resolved to an id. */
export interface ResolvedRow extends FeedRow {
  locationId: string;
}

export interface BatchPlan {
  intents: MovementIntent[];
  /** The feed line of each intent, in the same order. */
  intentLines: number[];
  unchanged: number;
  rejections: FeedRowError[];
  warnings: FeedRowError[];
}

/**
 * What one batch of feed rows books, given the positions as they are (locked) now. A snapshot
 * row sets on hand by a `count` movement of the difference — but never below what is reserved
 * (reservations are never clobbered; the row is applied as far as it can be and reported as a
 * warning); a row equal to on hand books nothing. A delta row is an `adjustment`, refused if it
 * would take on hand below reserved. Rows of one position apply in feed order.
 */
export function planFeedBatch(
  rows: ReadonlyArray<ResolvedRow>,
  positions: ReadonlyMap<string, PositionState>,
  mode: FeedMode,
  feed: { feedId: string; source: string },
): BatchPlan {
  const state = new Map<string, PositionState>();
  const plan: BatchPlan = { intents: [], intentLines: [], unchanged: 0, rejections: [], warnings: [] };
  const reason = `feed ${feed.feedId}${feed.source ? ` from ${feed.source}` : ''}`;
  for (const row of rows) {
    const key = positionKeyOf(row);
    const current = state.get(key) ?? positions.get(key) ?? { onHand: 0, reserved: 0, safetyStock: 0 };
    let delta: number;
    if (mode === 'snapshot') {
      const counted = countDelta(current, row.quantity);
      delta = counted.delta;
      if (counted.unresolvedShortfall > 0) {
        plan.warnings.push({
          line: row.line,
          reason: `on hand set to ${current.reserved} (reserved), not ${row.quantity}: ${counted.unresolvedShortfall} unit(s) reserved for orders are missing`,
          sku: row.sku,
          location: row.location,
        });
      }
    } else {
      delta = row.quantity;
      if (current.onHand + delta < current.reserved) {
        plan.rejections.push({
          line: row.line,
          reason: `would take on hand to ${current.onHand + delta}, below the ${current.reserved} unit(s) reserved`,
          sku: row.sku,
          location: row.location,
        });
        continue;
      }
    }
    if (delta === 0) {
      plan.unchanged += 1;
      continue;
    }
    state.set(key, { ...current, onHand: current.onHand + delta });
    plan.intents.push({
      sku: row.sku,
      locationId: row.locationId,
      type: mode === 'snapshot' ? 'count' : 'adjustment',
      onHandDelta: delta,
      reservedDelta: 0,
      reference: `feed/${feed.feedId}/${row.line}`,
      reason,
    });
    plan.intentLines.push(row.line);
  }
  return plan;
}
