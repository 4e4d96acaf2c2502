import { Body, Controller, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ordersV1 } from '@baton/contracts';
import { DomainError, ValidationError } from '@baton/domain';
import { Public } from '../../../auth/roles';
import { OrderIntake } from '../../order-intake.service';
import { OrderView } from '../../order.view';
import { ShopifyOrderAdapter } from './shopify-order.adapter';
import { ShopifyWebhookGuard, connectionOf } from './shopify-webhook.guard';

const ACCEPTED_TOPICS = ['orders/create'];

const EXAMPLE_ORDER = {
  id: 5940139491234,
  admin_graphql_api_id: 'gid://shopify/Order/5940139491234',
  name: '#1001',
  email: 'jon@example.com',
  currency: 'USD',
  line_items: [{ id: 866550311766439, sku: 'IPOD2008PINK', title: 'IPod Nano - 8GB', quantity: 1, price: '199.00' }],
  shipping_address: {
    name: 'Steve Shipper',
    address1: '123 Shipping Street',
    address2: null,
    city: 'Shippington',
    zip: '40003',
    country_code: 'US',
  },
};

/**
 * Shopify's order webhook (topic orders/create), authenticated by its HMAC signature, mapped to a
 * Baton order by {@link ShopifyOrderAdapter} and placed through the common intake. A re-delivered
 * webhook is the same order (200).
 */
@ApiTags('channels')
@Controller('v1/channels/shopify')
export class ShopifyWebhookHttpController {
  private readonly adapter = new ShopifyOrderAdapter();

  constructor(private readonly intake: OrderIntake) {}

  @Post(':connectionId/orders')
  @Public()
  @UseGuards(ShopifyWebhookGuard)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Receive a Shopify order webhook',
    description: 'Point the shop’s orders/create webhook here. No API key: the X-Shopify-Hmac-Sha256 signature authenticates it.',
  })
  @ApiParam({ name: 'connectionId', format: 'uuid', example: '9f3a2b1c-4d5e-4f60-8a7b-1c2d3e4f5a6b' })
  @ApiHeader({ name: 'X-Shopify-Hmac-Sha256', required: true, description: 'base64 HMAC-SHA256 of the raw body', example: 'dGVzdC1zaWduYXR1cmU=' })
  @ApiHeader({ name: 'X-Shopify-Topic', required: false, example: 'orders/create' })
  @ApiBody({
    description: "Shopify's Order resource as sent by the orders/create webhook (fields Baton does not read are ignored)",
    schema: { type: 'object', additionalProperties: true, example: EXAMPLE_ORDER },
  })
  @ApiResponse({ status: 201, type: OrderView, description: 'The order was placed' })
  @ApiResponse({ status: 200, type: OrderView, description: 'Re-delivery: the order exists and is returned unchanged' })
  @ApiResponse({ status: 400, description: 'The payload cannot be mapped; the problem names the Shopify fields' })
  @ApiResponse({ status: 401, description: 'Unknown connection or wrong signature' })
  @ApiResponse({ status: 409, description: 'A line cannot be reserved' })
  @ApiResponse({ status: 422, description: 'A topic other than orders/create' })
  async receive(
    @Param('connectionId') _connectionId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ordersV1.Order> {
    const topic = request.header('x-shopify-topic');
    if (topic !== undefined && !ACCEPTED_TOPICS.includes(topic)) {
      throw new DomainError('precondition', 'UNSUPPORTED_TOPIC', `Baton takes the topics ${ACCEPTED_TOPICS.join(', ')} here, not ${topic}`);
    }
    const mapped = this.adapter.toOrders(body, connectionOf(request).channel);
    if (mapped.rejected.length > 0) throw new ValidationError(mapped.rejected[0].errors, 'The Shopify order cannot be mapped');
    const { dto, violations } = this.intake.validate(mapped.orders[0].order);
    if (violations.length > 0) throw new ValidationError(violations);
    const placed = await this.intake.place(dto);
    if (!placed.created) response.status(200);
    return placed.order;
  }
}
