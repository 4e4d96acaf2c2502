import type { inventoryV1 } from '@baton/contracts';
import type { StockFeedEntity } from './stock-feed.entity';

/** The contract form of a feed's outcome. */
export function toFeedResult(feed: StockFeedEntity, importedNow: boolean): inventoryV1.FeedResult {
  return {
    feedId: feed.feedId,
    mode: feed.mode,
    format: feed.format,
    status: feed.status,
    rowsTotal: feed.rowsTotal,
    rowsApplied: feed.rowsApplied,
    rowsUnchanged: feed.rowsUnchanged,
    rowsRejected: feed.rowsRejected,
    rejections: feed.rejections,
    warnings: feed.warnings,
    createdAt: feed.createdAt.toISOString(),
    completedAt: feed.completedAt ? feed.completedAt.toISOString() : '',
    importedNow,
  };
}
