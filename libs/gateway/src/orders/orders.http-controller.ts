import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ordersV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { PartnerScope } from '../auth/partner-scope';
import { RequireRoles } from '../auth/roles';
import { ORDERS_PEER, OrdersPeer } from '../grpc-peers';
import { OrderIntake } from './order-intake.service';
import { OrderView } from './order.view';
import { PlaceOrderDto } from './place-order.dto';

const ORDER_ID = { name: 'id', format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Order id' };

/** Exactly the refusal the orders service gives for an unknown id, so a hidden order looks missing. */
export const orderNotFound = (orderId: string) =>
  new DomainError('not_found', 'ORDER_NOT_FOUND', `Order ${orderId} does not exist`, { orderId });

/** Optional fields of newer order contracts that also place an order at a location. */
type OrderPlaces = { destinationLocationId?: string; lines: { locationId: string; destinationLocationId?: string; allocations?: { items: { locationId: string }[] } }[] };

/** Every location an order touches: where its lines are allocated and where they go. */
export function locationsOfOrder(order: OrderPlaces): string[] {
  const places = [order.destinationLocationId];
  for (const line of order.lines) {
    places.push(line.locationId, line.destinationLocationId, ...(line.allocations?.items ?? []).map((a) => a.locationId));
  }
  return places.filter((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * The order routes: thin, they validate, forward over gRPC with the tenant (and partner), and map
 * back. A partner-bound key sees an order only when one of its lines is at the partner's locations.
 */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrdersHttpController {
  constructor(
    private readonly intake: OrderIntake,
    private readonly scope: PartnerScope,
    @Inject(ORDERS_PEER) private readonly orders: OrdersPeer,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('channel')
  @ApiOperation({ summary: 'Place an order', description: 'Sources and reserves every line, or refuses with 409.' })
  @ApiResponse({ status: 201, type: OrderView, description: 'The order was placed with its allocation' })
  @ApiResponse({ status: 200, type: OrderView, description: 'The same channel order was placed before; it is returned unchanged' })
  @ApiResponse({ status: 400, description: 'The body is invalid; nothing was stored' })
  @ApiResponse({ status: 409, description: 'A line cannot be reserved; the problem names the lines' })
  @ApiResponse({ status: 503, description: 'The orders service did not answer' })
  async placeOrder(@Body() body: PlaceOrderDto, @Res({ passthrough: true }) res: Response): Promise<ordersV1.Order> {
    const placed = await this.intake.place(body);
    if (!placed.created) res.status(200);
    return placed.order;
  }

  @Get(':id')
  @RequireRoles('channel', 'service', 'readonly', 'partner', 'store')
  @ApiOperation({ summary: 'Get an order' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: OrderView, description: 'The order' })
  @ApiResponse({ status: 404, description: 'No such order in this tenant (or not at the partner’s locations)' })
  @ApiResponse({ status: 503, description: 'The orders service did not answer' })
  getOrder(@Param('id', new ParseUUIDPipe()) id: string): Promise<ordersV1.Order> {
    return this.visibleOrder(id);
  }

  /** The order, if it exists in the caller's tenant and touches the caller's partner's locations. */
  private async visibleOrder(id: string): Promise<ordersV1.Order> {
    const found = await this.orders.call('getOrder', { orderId: id });
    const order = found.order as ordersV1.Order;
    await this.scope.assertTouches(locationsOfOrder(order), () => orderNotFound(id));
    return order;
  }
}
