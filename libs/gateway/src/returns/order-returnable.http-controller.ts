import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { returnsV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { RETURNS_PEER, type ReturnsPeer } from '../grpc-peers';
import { ReturnableView } from './returnable.view';

/**
 * What of an order can still come back. Any key that may authorise returns may ask, partner keys
 * included: a store takes back online orders that never touched its locations.
 */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrderReturnableHttpController {
  constructor(@Inject(RETURNS_PEER) private readonly returns: ReturnsPeer) {}

  @Get(':id/returnable')
  @RequireRoles('channel', 'store', 'service', 'readonly', 'partner')
  @ApiOperation({ summary: 'What of an order can still be returned, per line, and why not' })
  @ApiParam({ name: 'id', format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Order id' })
  @ApiResponse({ status: 200, type: ReturnableView })
  @ApiResponse({ status: 404, description: 'No such order in this tenant' })
  getReturnable(@Param('id', new ParseUUIDPipe()) id: string): Promise<returnsV1.GetReturnableResponse> {
    return this.returns.call('getReturnable', { orderId: id });
  }
}
