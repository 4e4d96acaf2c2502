import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ordersV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { ORDERS_PEER, OrdersPeer } from '../grpc-peers';
import { PromiseDeliveryDto } from './order-actions.dto';

/** The delivery promise a checkout asks for before the order exists (nothing is reserved). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/promise')
export class PromiseHttpController {
  constructor(@Inject(ORDERS_PEER) private readonly orders: OrdersPeer) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('channel', 'service')
  @ApiOperation({
    summary: 'Promise a delivery for a cart',
    description:
      'For each delivery method: whether the cart can go that way, the earliest date and the cost; for click-and-collect the nearest stores that can serve it today.',
  })
  @ApiResponse({ status: 200, description: '{ options: DeliveryOption[], strategy, rulesVersion, promisedAt }' })
  @ApiResponse({ status: 400, description: 'The cart is invalid; the problem names the fields' })
  promise(@Body() body: PromiseDeliveryDto): Promise<ordersV1.PromiseDeliveryResponse> {
    return this.orders.call('promiseDelivery', {
      lines: body.lines,
      currency: body.currency,
      destination: {
        name: '',
        line1: '',
        line2: '',
        city: body.destination.city ?? '',
        postalCode: body.destination.postalCode ?? '',
        country: body.destination.country,
        latitude: body.destination.latitude,
        longitude: body.destination.longitude,
      },
      deliveryMethods: body.deliveryMethods ?? [],
      maxStores: body.maxStores ?? 0,
      requestedWindow: body.requestedWindow,
      rulesVersion: body.rulesVersion,
      pickupLocationId: body.pickupLocationId,
    });
  }
}
