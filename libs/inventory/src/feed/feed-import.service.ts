import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { DataSource } from 'typeorm';
import { requireText } from '../input-rules';
import { InventoryError } from '../inventory.errors';
import { positionKeyOf } from '../stock/position-deltas';
import { StockLedger } from '../stock/stock-ledger';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import { inTransaction } from '../transactions';
import {
  FeedHeaderError,
  type FeedFormat,
  type FeedMode,
  FeedParser,
  type FeedRow,
  type FeedRowError,
  type ParsedLine,
} from './feed-parser';
import { type BatchPlan, type ResolvedRow, planFeedBatch } from './feed-plan';
import { FeedRowResolver } from './feed-row-resolver';
import type { StockFeedEntity } from './stock-feed.entity';
import { toFeedResult } from './feed.mapper';
import { FeedsRepository } from './feeds.repository';

export const FEED_BATCH_ROWS = 5_000;
const MAX_NOTES = 1_000;

interface Totals {
  rowsTotal: number;
  rowsApplied: number;
  rowsUnchanged: number;
  rejections: FeedRowError[];
  warnings: FeedRowError[];
}

/**
 * Imports stock feeds from POS and WMS systems: snapshots (set on hand per position) and deltas,
 * CSV or JSON lines, read as a stream and applied in batches of {@link FEED_BATCH_ROWS} rows, one
 * transaction each, through the ledger's guarded path. Invariants: a feed id imports once (a
 * repeat returns the first result; a resumed import after a crash books no row twice, because
 * every row's movement is referenced by feed id and line); reservations are never clobbered (a
 * snapshot never sets on hand below reserved); a bad row is reported with its reason and the rest
 * of the feed still imports.
 */
@Injectable()
export class FeedImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: FeedsRepository,
    private readonly resolver: FeedRowResolver,
    private readonly positions: StockPositionsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  async importFeed(header: inventoryV1.FeedHeader | undefined, chunks: AsyncIterable<string>): Promise<inventoryV1.FeedResult> {
    const violations = validateHeader(header);
    if (!header || violations.length > 0) throw new ValidationError(violations);
    const mode = header.mode as FeedMode;
    const format = header.format as FeedFormat;
    const earlier = await this.feeds.find(header.feedId);
    if (earlier && (earlier.mode !== mode || earlier.format !== format)) {
      throw new InventoryError('FEED_MISMATCH', `Feed "${header.feedId}" was imported as a ${earlier.mode} ${earlier.format} feed`, {
        feedId: header.feedId,
      });
    }
    if (earlier?.status === 'completed') {
      for await (const _chunk of chunks) {
        // the earlier result stands; the repeated upload is read to its end and ignored
      }
      return toFeedResult(earlier, false);
    }
    const run: FeedRun = new FeedRun(header.feedId, mode, format, header.source, {
      claim: () => this.feeds.claim({ feedId: header.feedId, mode, format, source: header.source }),
      resolver: this.resolver,
      book: (rows) => this.applyBatch(run, rows),
    });
    const parser = new FeedParser(format, mode);
    let pending: ParsedLine[] = [];
    try {
      for await (const chunk of chunks) {
        pending.push(...parser.push(chunk));
        while (pending.length >= FEED_BATCH_ROWS) {
          await run.apply(pending.slice(0, FEED_BATCH_ROWS));
          pending = pending.slice(FEED_BATCH_ROWS);
        }
      }
      pending.push(...parser.end());
    } catch (error) {
      if (error instanceof FeedHeaderError) throw new ValidationError([{ field: 'header', message: error.message }]);
      throw error;
    }
    await run.apply(pending);
    return this.complete(run, run.totals);
  }

  async getFeed(request: inventoryV1.GetFeedRequest): Promise<inventoryV1.FeedResult> {
    const violations = requireText('feedId', request.feedId, 100);
    if (violations.length > 0) throw new ValidationError(violations);
    const feed = await this.feeds.find(request.feedId);
    if (!feed) throw new InventoryError('FEED_NOT_FOUND', `No feed with id "${request.feedId}"`, { feedId: request.feedId });
    return toFeedResult(feed, false);
  }

  /**
   * One batch in one transaction: lock its positions (creating only the missing ones a row adds
   * stock to), plan against them, book through the ledger.
   */
  private applyBatch(run: FeedRun, rows: ResolvedRow[]): Promise<BatchPlan> {
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await this.positions.lock(manager, uniqueKeys(rows));
      const existing = new Set(locked.map((p) => positionKeyOf(p)));
      const missing = uniqueKeys(rows.filter((row) => row.quantity > 0 && !existing.has(positionKeyOf(row))));
      if (missing.length > 0) {
        await this.positions.ensureExist(manager, missing);
        locked.push(...(await this.positions.lock(manager, missing)));
      }
      const plan = planFeedBatch(rows, new Map(locked.map((p) => [positionKeyOf(p), p])), run.mode, run);
      await this.ledger.apply(manager, plan.intents, {
        positionsExist: true,
        announce: 'low-only',
        principal: `feed:${run.source || run.feedId}`,
      });
      return plan;
    });
  }

  private async complete(run: FeedRun, totals: Totals): Promise<inventoryV1.FeedResult> {
    const notes = {
      rowsTotal: totals.rowsTotal,
      rowsApplied: totals.rowsApplied,
      rowsUnchanged: totals.rowsUnchanged,
      rowsRejected: totals.rejections.length,
      rejections: [...totals.rejections].sort((a, b) => a.line - b.line).slice(0, MAX_NOTES),
      warnings: totals.warnings.slice(0, MAX_NOTES),
    };
    const completedNow = await this.dataSource.transaction(async (manager) => {
      const done = await this.feeds.complete(manager, run.feedId, notes);
      if (done) {
        await this.outbox.append(
          manager,
          createEvent('inventory.feed.imported.v1', { type: 'stock_feed', id: run.feedId }, {
            feedId: run.feedId,
            mode: run.mode,
            format: run.format,
            source: run.source,
            rowsTotal: notes.rowsTotal,
            rowsApplied: notes.rowsApplied,
            rowsUnchanged: notes.rowsUnchanged,
            rowsRejected: notes.rowsRejected,
          }),
        );
      }
      return done;
    });
    if (completedNow) this.outbox.notify();
    const feed = await this.feeds.find(run.feedId);
    return toFeedResult(feed as StockFeedEntity, completedNow);
  }
}

/**
 * The state of one import while it streams: locations resolved once, positions a snapshot has
 * already set (a second row for the same position is refused), and the running totals.
 */
class FeedRun {
  private locationIds: Map<string, string> | undefined;
  private readonly seen = new Set<string>();
  private claimed = false;
  readonly totals: Totals = { rowsTotal: 0, rowsApplied: 0, rowsUnchanged: 0, rejections: [], warnings: [] };

  constructor(
    readonly feedId: string,
    readonly mode: FeedMode,
    readonly format: FeedFormat,
    readonly source: string,
    private readonly steps: {
      claim: () => Promise<void>;
      resolver: FeedRowResolver;
      book: (rows: ResolvedRow[]) => Promise<BatchPlan>;
    },
  ) {}

  async apply(lines: ParsedLine[]): Promise<void> {
    if (!this.claimed) {
      await this.steps.claim();
      this.claimed = true;
    }
    if (lines.length === 0) return;
    this.totals.rowsTotal += lines.length;
    this.locationIds ??= await this.steps.resolver.locationIds();
    const parsed: FeedRow[] = [];
    for (const line of lines) {
      if ('row' in line) parsed.push(line.row);
      else this.totals.rejections.push(line.error);
    }
    const skus = await this.steps.resolver.existingSkus([...new Set(parsed.map((row) => row.sku))]);
    const rows: ResolvedRow[] = [];
    for (const row of parsed) {
      const locationId = this.locationIds.get(row.location);
      const reject = (reason: string) => this.totals.rejections.push({ line: row.line, reason, sku: row.sku, location: row.location });
      if (!locationId) reject('no location with this code or id');
      else if (!skus.has(row.sku)) reject('no item with this SKU');
      else if (this.mode === 'snapshot' && this.seen.has(positionKeyOf({ sku: row.sku, locationId }))) {
        reject('the position is listed twice in this snapshot');
      } else {
        if (this.mode === 'snapshot') this.seen.add(positionKeyOf({ sku: row.sku, locationId }));
        rows.push({ ...row, locationId });
      }
    }
    const plan = await this.steps.book(rows);
    this.totals.rowsApplied += plan.intents.length;
    this.totals.rowsUnchanged += plan.unchanged;
    this.totals.rejections.push(...plan.rejections);
    this.totals.warnings.push(...plan.warnings);
  }
}

function validateHeader(header: inventoryV1.FeedHeader | undefined): FieldViolation[] {
  if (!header) return [{ field: 'header', message: 'the first message of a feed must be its header' }];
  const violations = requireText('feedId', header.feedId, 100);
  if (header.mode !== 'snapshot' && header.mode !== 'delta') violations.push({ field: 'mode', message: 'must be snapshot or delta' });
  if (header.format !== 'csv' && header.format !== 'ndjson') violations.push({ field: 'format', message: 'must be csv or ndjson' });
  if (header.source.length > 100) violations.push({ field: 'source', message: 'must be at most 100 characters' });
  return violations;
}

function uniqueKeys(rows: ReadonlyArray<{ sku: string; locationId: string }>): Array<{ sku: string; locationId: string }> {
  return [...new Map(rows.map((row) => [positionKeyOf(row), { sku: row.sku, locationId: row.locationId }])).values()];
}
