import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { type FeedNote, StockFeedEntity } from './stock-feed.entity';

export interface FeedTotals {
  rowsTotal: number;
  rowsApplied: number;
  rowsUnchanged: number;
  rowsRejected: number;
  rejections: FeedNote[];
  warnings: FeedNote[];
}

/** The only place with queries on stock feeds; every query is scoped to the current tenant. */
@Injectable()
export class FeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(feedId: string): Promise<StockFeedEntity | null> {
    return this.dataSource.getRepository(StockFeedEntity).findOneBy(tenantScope({ feedId }));
  }

  /** Records that a feed is being imported (once; a resumed or concurrent import finds the row). */
  async claim(feed: Pick<StockFeedEntity, 'feedId' | 'mode' | 'format' | 'source'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO stock_feeds (tenant_id, feed_id, mode, format, source, status)
       VALUES ($1, $2, $3, $4, $5, 'importing')
       ON CONFLICT (tenant_id, feed_id) DO NOTHING`,
      [requireTenant(), feed.feedId, feed.mode, feed.format, feed.source],
    );
  }

  /** Marks the feed completed with its totals; false when another import completed it first. */
  async complete(manager: EntityManager, feedId: string, totals: FeedTotals): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE stock_feeds
          SET status = 'completed', completed_at = now(), rows_total = $3, rows_applied = $4, rows_unchanged = $5,
              rows_rejected = $6, rejections = $7::jsonb, warnings = $8::jsonb
        WHERE tenant_id = $1 AND feed_id = $2 AND status = 'importing'
        RETURNING feed_id`,
      [
        requireTenant(),
        feedId,
        totals.rowsTotal,
        totals.rowsApplied,
        totals.rowsUnchanged,
        totals.rowsRejected,
        JSON.stringify(totals.rejections),
        JSON.stringify(totals.warnings),
      ],
    );
    return rows.length === 1;
  }
}
