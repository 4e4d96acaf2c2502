import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { fulfillmentV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';
import { QuoteDto, TrackingUpdateDto } from './fulfillment-network.dto';
import { CarrierServiceListView, QuoteListView, TrackingUpdateView } from './network.view';

function address(dto: QuoteDto['destination'] | undefined): fulfillmentV1.Address | undefined {
  return dto ? { name: dto.name, line1: dto.line1, line2: dto.line2 ?? '', city: dto.city, postalCode: dto.postalCode, country: dto.country, latitude: dto.latitude, longitude: dto.longitude } : undefined;
}

/** The carriers: their services, quotes for parcels, and tracking updates they report. */
@ApiTags('carriers')
@ApiBearerAuth()
@Controller('v1/carriers')
export class CarriersHttpController {
  constructor(@Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer) {}

  @Get('services')
  @RequireRoles('store', 'service', 'readonly', 'channel', 'partner')
  @ApiOperation({ summary: 'Every carrier service', description: 'Transit days, cut-off, same-day and time-window capability, insured value limit, heaviest band.' })
  @ApiResponse({ status: 200, type: CarrierServiceListView })
  services(): Promise<fulfillmentV1.ListCarrierServicesResponse> {
    return this.fulfillments.call('listCarrierServices', {});
  }

  @Post('quotes')
  @HttpCode(200)
  @RequireRoles('store', 'service', 'channel', 'partner')
  @ApiOperation({
    summary: 'Quote parcels with every service',
    description: 'Price, zone, transit, collection (cut-off) and delivery estimate, insured limit, and whether the service can honour the delivery asked (same day, window).',
  })
  @ApiResponse({ status: 200, type: QuoteListView })
  @ApiResponse({ status: 400, description: 'A bad destination, parcel, window or strategy' })
  quote(@Body() body: QuoteDto): Promise<fulfillmentV1.QuoteCarrierServicesResponse> {
    return this.fulfillments.call('quoteCarrierServices', {
      originLocationId: body.originLocationId ?? '',
      origin: address(body.origin),
      destination: address(body.destination),
      parcels: body.parcels.map((p) => ({ weightGrams: p.weightGrams, lengthMm: p.lengthMm ?? 0, widthMm: p.widthMm ?? 0, heightMm: p.heightMm ?? 0, valueMinor: p.valueMinor ?? 0 })),
      deliveryMethod: body.deliveryMethod ?? '',
      windowStart: body.windowStart ?? '',
      windowEnd: body.windowEnd ?? '',
      readyAt: body.readyAt ?? '',
      strategy: body.strategy ?? '',
    });
  }

  @Post(':carrierId/tracking-updates')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({
    summary: 'Report a tracking update of a shipment',
    description: 'For carrier integrations; applied once per (shipment, status, time). When every shipment of a fulfilment is delivered, it is.',
  })
  @ApiParam({ name: 'carrierId', example: 'baton-parcel' })
  @ApiResponse({ status: 200, type: TrackingUpdateView })
  @ApiResponse({ status: 404, description: 'CARRIER_NOT_FOUND or SHIPMENT_NOT_FOUND' })
  track(@Param('carrierId') carrierId: string, @Body() body: TrackingUpdateDto): Promise<fulfillmentV1.IngestTrackingUpdateResponse> {
    return this.fulfillments.call('ingestTrackingUpdate', {
      carrierId,
      trackingNumber: body.trackingNumber,
      status: body.status,
      occurredAt: body.occurredAt,
      detail: body.detail ?? '',
    });
  }
}
