import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { fulfillmentV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';
import { FulfillmentAccess } from './fulfillment-access';
import { ConfigureLocationDto, FulfillmentPolicyDto } from './fulfillment-network.dto';
import { LocationLoadQuery } from './fulfillment-queries.dto';
import { FulfillmentPolicyView, LocationLoadListView, LocationSettingsView } from './network.view';

/** Locations' capacity and load, and the tenant's fulfilment policy (timers, pickup rules). */
@ApiTags('fulfillments')
@ApiBearerAuth()
@Controller('v1')
export class FulfillmentSettingsHttpController {
  constructor(
    @Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer,
    private readonly access: FulfillmentAccess,
  ) {}

  @Get('fulfillment-locations/load')
  @RequireRoles('store', 'service', 'readonly', 'partner', 'channel')
  @ApiOperation({ summary: "Locations' daily capacity and today's load", description: 'What is left today, for sourcing and store dashboards.' })
  @ApiResponse({ status: 200, type: LocationLoadListView })
  async load(@Query() query: LocationLoadQuery): Promise<fulfillmentV1.GetLocationLoadResponse> {
    await this.access.assertOwnLocations(query.locationIds, 'locationIds');
    return this.fulfillments.call('getLocationLoad', { locationIds: query.locationIds });
  }

  @Put('fulfillment-locations/:locationId')
  @ApiOperation({ summary: "Set a location's daily capacity, time zone and address", description: 'Admin only.' })
  @ApiParam({ name: 'locationId', format: 'uuid' })
  @ApiResponse({ status: 200, type: LocationSettingsView })
  @ApiResponse({ status: 400, description: 'A bad capacity, time zone or address' })
  async configure(@Param('locationId', new ParseUUIDPipe()) locationId: string, @Body() body: ConfigureLocationDto): Promise<fulfillmentV1.LocationSettings> {
    const a = body.address;
    const { location } = await this.fulfillments.call('configureLocation', {
      locationId,
      dailyCapacity: body.dailyCapacity,
      timezone: body.timeZone ?? '',
      address: a ? { name: a.name, line1: a.line1, line2: a.line2 ?? '', city: a.city, postalCode: a.postalCode, country: a.country, latitude: a.latitude, longitude: a.longitude } : undefined,
    });
    return location as fulfillmentV1.LocationSettings;
  }

  @Get('fulfillment-policy')
  @RequireRoles('store', 'service', 'readonly')
  @ApiOperation({ summary: "The tenant's pick/pack timer and pickup policy" })
  @ApiResponse({ status: 200, type: FulfillmentPolicyView })
  async policy(): Promise<fulfillmentV1.FulfillmentPolicy> {
    return (await this.fulfillments.call('getFulfillmentPolicy', {})).policy as fulfillmentV1.FulfillmentPolicy;
  }

  @Put('fulfillment-policy')
  @ApiOperation({ summary: "Replace the tenant's pick/pack timer and pickup policy", description: 'Admin only.' })
  @ApiResponse({ status: 200, type: FulfillmentPolicyView })
  @ApiResponse({ status: 400, description: 'A bad field; nothing stored' })
  async setPolicy(@Body() body: FulfillmentPolicyDto): Promise<fulfillmentV1.FulfillmentPolicy> {
    return (await this.fulfillments.call('setFulfillmentPolicy', { policy: { ...body } })).policy as fulfillmentV1.FulfillmentPolicy;
  }
}
