import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { currentContext, runWithContext } from '@baton/platform';
import { Public } from '../auth/roles';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';
import { TenantQueryDto } from './tracking-requests.dto';
import { PublicTrackingView } from './views/public-tracking.view';

const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,64}$/;

/**
 * The public parcel tracking page's API: no key, rate-limited per client address, and it reveals
 * only the parcel's status and carrier milestones — no order, customer or address data.
 */
@ApiTags('tracking')
@Controller('v1/track')
export class PublicTrackingHttpController {
  constructor(@Inject(TRACKING_PEER) private readonly tracking: TrackingPeer) {}

  @Get(':trackingNumber')
  @Public()
  @ApiOperation({
    summary: 'Track a parcel (public)',
    description: 'No API key; limited per client address. Status, promised date and carrier milestones only — nothing personal.',
  })
  @ApiParam({ name: 'trackingNumber', example: 'JD014600006281' })
  @ApiResponse({ status: 200, type: PublicTrackingView, description: 'The parcel' })
  @ApiResponse({ status: 404, description: 'No parcel with this tracking number at this tenant' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  track(@Param('trackingNumber') trackingNumber: string, @Query() query: TenantQueryDto): Promise<trackingV1.TrackShipmentResponse> {
    if (!TRACKING_NUMBER.test(trackingNumber)) {
      throw new ValidationError([{ field: 'trackingNumber', message: 'trackingNumber must be 4-64 letters, digits or dashes' }]);
    }
    const context = { ...currentContext(), correlationId: currentContext()?.correlationId ?? '', tenantId: query.tenant };
    return runWithContext(context, () => this.tracking.call('trackShipment', { trackingNumber }));
  }
}
