import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { inventoryV1 } from '@baton/contracts';
import { type FieldViolation, ValidationError } from '@baton/domain';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { type AvailabilityFilterDto, CartAvailabilityDto, SkuAvailabilityQuery } from './availability.dto';
import { CartAvailabilityView, SkuAvailabilityView } from './availability.view';
import { InventoryAccess } from './inventory-access';

/**
 * Available-to-promise: one SKU or a cart across the network, now or by a date, restricted by
 * location type, capability, group, radius or the nearest N. A partner key sees its locations only.
 */
@ApiTags('inventory')
@ApiBearerAuth()
@Controller('v1/inventory/availability')
export class AvailabilityHttpController {
  constructor(
    @Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer,
    private readonly access: InventoryAccess,
  ) {}

  @Get()
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({
    summary: 'Availability of one SKU across the network',
    description: 'Each location with its quantities (and distance when coordinates are given), nearest first or in code order.',
  })
  @ApiResponse({ status: 200, type: SkuAvailabilityView })
  @ApiResponse({ status: 400, description: 'A filter is invalid (the problem names it)' })
  async sku(@Query() query: SkuAvailabilityQuery): Promise<inventoryV1.SkuAvailability> {
    const answer = await this.ask([query.sku], query);
    return answer.skus[0];
  }

  @Post('cart')
  @HttpCode(200)
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({ summary: 'Availability of a cart across the network', description: 'Per SKU, per location, with the facts sourcing scores on.' })
  @ApiResponse({ status: 200, type: CartAvailabilityView })
  @ApiResponse({ status: 400, description: 'A SKU or a filter is invalid (the problem names it)' })
  cart(@Body() body: CartAvailabilityDto): Promise<inventoryV1.GetCartAvailabilityResponse> {
    return this.ask(body.skus, body.filter ?? {});
  }

  private async ask(skus: string[], filter: AvailabilityFilterDto): Promise<inventoryV1.GetCartAvailabilityResponse> {
    const locationIds = await this.access.restrictLocations(filter.locationIds);
    if (locationIds !== undefined && locationIds.length === 0) {
      return { skus: skus.map((sku) => ({ sku, totalAvailable: 0, totalAvailableByDate: 0, locations: [] })), asOf: filter.asOf ?? '' };
    }
    const near = coordinatesOf(filter);
    return this.inventory.call('getCartAvailability', {
      skus,
      filter: {
        locationTypes: filter.locationTypes ?? [],
        capabilities: filter.capabilities ?? [],
        groups: filter.groups ?? [],
        locationIds: locationIds ?? [],
        excludeLocationIds: filter.excludeLocationIds ?? [],
        near,
        radiusKm: filter.radiusKm ?? 0,
        nearest: filter.nearest ?? 0,
        asOf: filter.asOf ?? '',
        includeUnavailable: filter.includeUnavailable ?? false,
      },
    });
  }
}

/** The point distances are measured from; radius and nearest need one, and a point needs both coordinates. */
function coordinatesOf(filter: AvailabilityFilterDto): inventoryV1.GeoPoint | undefined {
  const violations: FieldViolation[] = [];
  if (filter.latitude !== undefined && filter.longitude === undefined) violations.push({ field: 'longitude', message: 'is required with latitude' });
  if (filter.longitude !== undefined && filter.latitude === undefined) violations.push({ field: 'latitude', message: 'is required with longitude' });
  const near = filter.latitude !== undefined && filter.longitude !== undefined;
  if (!near && filter.radiusKm !== undefined) violations.push({ field: 'radiusKm', message: 'needs latitude and longitude' });
  if (!near && filter.nearest !== undefined) violations.push({ field: 'nearest', message: 'needs latitude and longitude' });
  if (violations.length > 0) throw new ValidationError(violations);
  return near ? { latitude: filter.latitude as number, longitude: filter.longitude as number } : undefined;
}
