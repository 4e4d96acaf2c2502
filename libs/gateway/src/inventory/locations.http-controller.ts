import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { inventoryV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { DEFAULT_PAGE_SIZE, type Page } from '../limits/pagination';
import { InventoryAccess } from './inventory-access';
import { UUID_EXAMPLE } from './inventory-vocabulary';
import { LocationPageView, LocationView } from './location.view';
import { CreateLocationDto, ListLocationsQuery, type LocationAddressDto, UpdateLocationDto } from './locations.dto';

const LOCATION_ID = { name: 'id', format: 'uuid', example: UUID_EXAMPLE, description: 'Location id' };

/**
 * The places stock can be: stores, warehouses, suppliers, vans, sites… Thin: validate, forward
 * over gRPC, map back. A partner-bound key sees only its own locations; only admins change them.
 */
@ApiTags('locations')
@ApiBearerAuth()
@Controller('v1/locations')
export class LocationsHttpController {
  constructor(
    @Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer,
    private readonly access: InventoryAccess,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Create a location', description: 'Any kind of place: store, warehouse, supplier, vehicle, site, machine…' })
  @ApiResponse({ status: 201, type: LocationView })
  @ApiResponse({ status: 400, description: 'A field is invalid (the problem names it); nothing was stored' })
  @ApiResponse({ status: 409, description: 'LOCATION_CODE_TAKEN' })
  async create(@Body() body: CreateLocationDto): Promise<inventoryV1.Location> {
    const { location } = await this.inventory.call('createLocation', {
      code: body.code,
      name: body.name,
      type: body.type,
      latitude: body.latitude,
      longitude: body.longitude,
      capabilities: body.capabilities,
      details: {
        address: body.address ? address(body.address) : undefined,
        timeZone: body.timeZone ?? '',
        openingHours: body.openingHours ?? [],
        dailyCapacity: body.dailyCapacity ?? undefined,
        handlingCostMinor: body.handlingCostMinor ?? 0,
        partnerId: body.partnerId ?? '',
        groups: body.groups ?? [],
      },
    });
    return location as inventoryV1.Location;
  }

  @Get()
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({ summary: 'List locations in code order', description: 'Filtered by type, capability (all of them), group (any) and owner.' })
  @ApiResponse({ status: 200, type: LocationPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid' })
  async list(@Query() query: ListLocationsQuery): Promise<Page<inventoryV1.Location>> {
    const page = await this.inventory.call('listLocations', {
      filter: {
        types: query.type ?? [],
        capabilities: query.capability ?? [],
        groups: query.group ?? [],
        partnerId: query.partnerId ?? '',
        includeInactive: query.includeInactive ?? false,
      },
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    const visible = [];
    for (const location of page.locations) if (await this.access.touches([location.id])) visible.push(location);
    return { items: visible, nextCursor: page.nextPageToken || null };
  }

  @Get(':id')
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({ summary: 'Get a location' })
  @ApiParam(LOCATION_ID)
  @ApiResponse({ status: 200, type: LocationView })
  @ApiResponse({ status: 404, description: 'LOCATION_NOT_FOUND' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<inventoryV1.Location> {
    await this.access.assertVisibleLocation(id);
    return (await this.inventory.call('getLocation', { locationId: id })).location as inventoryV1.Location;
  }

  @Patch(':id')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Change a location', description: 'Only the fields sent change; dailyCapacity null makes it unlimited.' })
  @ApiParam(LOCATION_ID)
  @ApiResponse({ status: 200, type: LocationView })
  @ApiResponse({ status: 400, description: 'A field is invalid; nothing was changed' })
  @ApiResponse({ status: 404, description: 'LOCATION_NOT_FOUND' })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateLocationDto): Promise<inventoryV1.Location> {
    const { location } = await this.inventory.call('updateLocation', {
      locationId: id,
      name: body.name,
      type: body.type,
      latitude: body.latitude,
      longitude: body.longitude,
      capabilities: body.capabilities ? { values: body.capabilities } : undefined,
      address: body.address ? address(body.address) : undefined,
      timeZone: body.timeZone,
      openingHours: body.openingHours ? { intervals: body.openingHours } : undefined,
      dailyCapacity: body.dailyCapacity ?? undefined,
      clearDailyCapacity: body.dailyCapacity === null,
      handlingCostMinor: body.handlingCostMinor,
      partnerId: body.partnerId,
      groups: body.groups ? { values: body.groups } : undefined,
    });
    return location as inventoryV1.Location;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Deactivate a location', description: 'Out of availability and sourcing; its stock and history stay.' })
  @ApiParam(LOCATION_ID)
  @ApiResponse({ status: 200, type: LocationView })
  @ApiResponse({ status: 404, description: 'LOCATION_NOT_FOUND' })
  async deactivate(@Param('id', new ParseUUIDPipe()) id: string): Promise<inventoryV1.Location> {
    return (await this.inventory.call('deactivateLocation', { locationId: id })).location as inventoryV1.Location;
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Reactivate a location' })
  @ApiParam(LOCATION_ID)
  @ApiResponse({ status: 200, type: LocationView })
  @ApiResponse({ status: 404, description: 'LOCATION_NOT_FOUND' })
  async reactivate(@Param('id', new ParseUUIDPipe()) id: string): Promise<inventoryV1.Location> {
    return (await this.inventory.call('reactivateLocation', { locationId: id })).location as inventoryV1.Location;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Delete a location that never held stock', description: 'One with stock or history answers 409: deactivate it.' })
  @ApiParam(LOCATION_ID)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, description: 'LOCATION_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'LOCATION_IN_USE: it has stock or history' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.inventory.call('deleteLocation', { locationId: id });
  }
}

function address(dto: LocationAddressDto): inventoryV1.Address {
  return {
    line1: dto.line1,
    line2: dto.line2 ?? '',
    city: dto.city,
    postalCode: dto.postalCode,
    region: dto.region ?? '',
    country: dto.country,
  };
}
