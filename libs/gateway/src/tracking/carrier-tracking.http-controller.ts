import { Body, Controller, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { currentContext, runWithContext } from '@baton/platform';
import { Public, RequireRoles } from '../auth/roles';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';
import type { RawBodyRequest } from '../http/body-parsers';
import { CarrierSecretDto, TenantQueryDto } from './tracking-requests.dto';
import { CarrierIngestView, CarrierTrackingSettingsView } from './views/carrier-tracking.view';

const CARRIER = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const CARRIER_PARAM = { name: 'carrier', example: 'dhl', description: 'The carrier code, as on the shipments' };

const EXAMPLE_SCANS = {
  scans: [
    {
      scanId: 'dhl-7781',
      trackingNumber: 'JD014600006281',
      code: 'out_for_delivery',
      description: 'With the delivery driver',
      place: { city: 'Utrecht', country: 'NL' },
      occurredAt: '2026-11-03T07:45:00Z',
      estimatedDeliveryAt: '2026-11-03T14:00:00Z',
    },
  ],
};

function carrierOf(carrier: string): string {
  if (!CARRIER.test(carrier)) throw new ValidationError([{ field: 'carrier', message: 'carrier must be a lowercase code such as dhl' }]);
  return carrier;
}

/**
 * Carrier tracking in: each carrier posts its scans here, authenticated by an HMAC signature with a
 * secret the tenant shares with it (no API key), and the tenant's admin sets that secret.
 */
@ApiTags('tracking')
@Controller('v1/carriers/:carrier/tracking')
export class CarrierTrackingHttpController {
  constructor(@Inject(TRACKING_PEER) private readonly tracking: TrackingPeer) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a carrier’s tracking webhook',
    description:
      'Signed with the tenant’s secret for the carrier: baton-carrier-timestamp (unix seconds) and baton-carrier-signature ' +
      '(v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">). Each scan is taken once; a scan may arrive before its shipment.',
  })
  @ApiParam(CARRIER_PARAM)
  @ApiHeader({ name: 'baton-carrier-timestamp', required: true, example: '1793606700' })
  @ApiHeader({ name: 'baton-carrier-signature', required: true, example: 'v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd' })
  @ApiBody({ description: 'Scans in Baton’s carrier format', schema: { type: 'object', additionalProperties: true, example: EXAMPLE_SCANS } })
  @ApiResponse({ status: 200, type: CarrierIngestView, description: 'The scans were taken' })
  @ApiResponse({ status: 400, description: 'The payload is invalid; the problem names each bad field and no scan was taken' })
  @ApiResponse({ status: 401, description: 'Missing, wrong or stale signature, or the carrier is not configured for the tenant' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  ingest(
    @Param('carrier') carrier: string,
    @Query() query: TenantQueryDto,
    @Body() body: unknown,
    @Req() request: Request & RawBodyRequest,
  ): Promise<trackingV1.IngestCarrierTrackingResponse> {
    const raw = request.rawBody ?? Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? {}));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    const context = { ...currentContext(), correlationId: currentContext()?.correlationId ?? '', tenantId: query.tenant };
    return runWithContext(context, () =>
      this.tracking.call('ingestCarrierTracking', { carrier: carrierOf(carrier), headers, body: raw }),
    );
  }

  @Put('settings')
  @ApiBearerAuth()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Set the secret a carrier signs its tracking webhooks with', description: 'Replaces the previous secret.' })
  @ApiParam(CARRIER_PARAM)
  @ApiResponse({ status: 200, type: CarrierTrackingSettingsView, description: 'The secret is set' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  configure(@Param('carrier') carrier: string, @Body() body: CarrierSecretDto): Promise<trackingV1.ConfigureCarrierTrackingResponse> {
    return this.tracking.call('configureCarrierTracking', { carrier: carrierOf(carrier), secret: body.secret });
  }
}
