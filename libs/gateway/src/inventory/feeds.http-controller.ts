import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { FeedUploadClient } from './feed-upload.client';
import { FeedUploadQuery } from './feeds.dto';
import { FeedResultView } from './feed.view';

export const FEED_MEDIA_TYPES = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;

const CSV_EXAMPLE = 'sku,location,quantity\nTSHIRT-BLUE-M,ST-AMS,12\nMUG-LOGO,ST-AMS,4\n';

/**
 * Stock feeds from POS and WMS systems: the body is the feed (CSV with a header, or JSON lines),
 * streamed to inventory's ImportFeed. Idempotent by feed id; bad rows come back with their line
 * and reason while the rest imports.
 */
@ApiTags('inventory')
@ApiBearerAuth()
@Controller('v1/feeds')
export class FeedsHttpController {
  constructor(
    private readonly uploads: FeedUploadClient,
    @Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer,
  ) {}

  @Post()
  @RequireRoles('service')
  @ApiOperation({
    summary: 'Import a stock feed',
    description:
      'text/csv (header naming sku, location — code or id — and quantity) or application/x-ndjson ({"sku","location","quantity"} per line). ' +
      'snapshot sets on hand per position (never below what orders hold; such rows are warnings), delta adds. 201 when imported now, ' +
      '200 with the earlier result when the feed id was imported before.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', example: CSV_EXAMPLE }, description: 'The feed' })
  @ApiResponse({ status: 201, type: FeedResultView })
  @ApiResponse({ status: 200, type: FeedResultView, description: 'The feed id was imported before; its result' })
  @ApiResponse({ status: 400, description: 'A bad query parameter or CSV header; nothing was imported' })
  @ApiResponse({ status: 409, description: 'FEED_MISMATCH: the feed id was imported with another mode or format' })
  @ApiResponse({ status: 415, description: 'Not text/csv or application/x-ndjson' })
  async upload(@Query() query: FeedUploadQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<inventoryV1.FeedResult> {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() as keyof typeof FEED_MEDIA_TYPES;
    const format = FEED_MEDIA_TYPES[mediaType];
    if (!format || typeof req.body !== 'string') {
      throw new DomainError('invalid', 'UNSUPPORTED_FEED_TYPE', 'Send the feed as text/csv or application/x-ndjson', {}, [
        { field: 'content-type', message: 'must be text/csv or application/x-ndjson' },
      ]);
    }
    const result = await this.uploads.upload({ feedId: query.feedId, mode: query.mode, format, source: query.source ?? '' }, req.body);
    res.status(result.importedNow ? 201 : 200);
    return result;
  }

  @Get(':feedId')
  @RequireRoles('service', 'readonly')
  @ApiOperation({ summary: 'The outcome of an imported feed' })
  @ApiParam({ name: 'feedId', example: 'pos-ams-2026-11-01T06:00' })
  @ApiResponse({ status: 200, type: FeedResultView })
  @ApiResponse({ status: 404, description: 'FEED_NOT_FOUND' })
  async get(@Param('feedId') feedId: string): Promise<inventoryV1.FeedResult> {
    return (await this.inventory.call('getFeed', { feedId })).result as inventoryV1.FeedResult;
  }
}
