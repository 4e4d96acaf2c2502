import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { fulfillmentV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';
import { FulfillmentAccess } from './fulfillment-access';
import { CreatePickListDto } from './fulfillment-network.dto';
import { PickListView } from './fulfillment.view';

/** Batch picking across orders at one location: a pick list grouped by item. */
@ApiTags('fulfillments')
@ApiBearerAuth()
@Controller('v1/pick-lists')
export class PickListsHttpController {
  constructor(
    @Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer,
    private readonly access: FulfillmentAccess,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('store', 'partner')
  @ApiOperation({
    summary: 'Start picking a batch',
    description: 'The accepted fulfilments named (or the next ones of the queue) become picking, listed by item with the order lines each unit is for.',
  })
  @ApiResponse({ status: 201, type: PickListView })
  @ApiResponse({ status: 400, description: 'LOCATION_MISMATCH: a fulfilment is at another location; or a bad body' })
  @ApiResponse({ status: 422, description: 'NOTHING_TO_PICK, or a named fulfilment is not accepted (ILLEGAL_TRANSITION)' })
  async create(@Body() body: CreatePickListDto): Promise<fulfillmentV1.PickList> {
    await this.access.assertOwnLocations([body.locationId], 'locationId');
    const { pickList } = await this.fulfillments.call('createPickList', {
      locationId: body.locationId,
      fulfillmentIds: body.fulfillmentIds ?? [],
      maxFulfillments: body.maxFulfillments ?? 0,
    });
    return pickList as fulfillmentV1.PickList;
  }

  @Get(':id')
  @RequireRoles('store', 'service', 'readonly', 'partner')
  @ApiOperation({ summary: 'Get a pick list with what is still to pick' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, type: PickListView })
  @ApiResponse({ status: 404, description: 'No such pick list' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<fulfillmentV1.PickList> {
    const { pickList } = await this.fulfillments.call('getPickList', { pickListId: id });
    const found = pickList as fulfillmentV1.PickList;
    await this.access.assertOwnLocations([found.locationId], 'locationId');
    return found;
  }
}
