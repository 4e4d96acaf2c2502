import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ordersV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { validationExceptionFactory } from '@baton/platform';
import { ORDERS_PEER, type OrdersPeer } from '../grpc-peers';
import { PlaceOrderDto } from './place-order.dto';

export interface PlacedOrder {
  order: ordersV1.Order;
  /** false when the channel order was placed before (re-delivery): the existing order is returned. */
  created: boolean;
}

/**
 * The one way an order enters Baton through the gateway, whatever its format: Baton's own JSON,
 * a Shopify webhook or a CSV row group all become a {@link PlaceOrderDto}, pass the same
 * validation and are placed by the orders service, which is idempotent by (tenant, channel,
 * channel order id) — so a re-delivered channel order is the same order.
 */
@Injectable()
export class OrderIntake {
  constructor(@Inject(ORDERS_PEER) private readonly orders: OrdersPeer) {}

  /** Validates a mapped order with the rules of POST /v1/orders; violations name Baton's fields. */
  validate(plain: object): { dto: PlaceOrderDto; violations: FieldViolation[] } {
    const dto = plainToInstance(PlaceOrderDto, plain);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    return { dto, violations: errors.length === 0 ? [] : validationExceptionFactory(errors).violations };
  }

  async place(dto: PlaceOrderDto): Promise<PlacedOrder> {
    // Every validated field goes through as it is (the DTO mirrors the contract), so a field added to
    // both reaches the service without a change here.
    const { attributes, shipTo, billingAddress, ...rest } = dto;
    const placed = await this.orders.call('placeOrder', {
      ...rest,
      shipTo: shipTo ? { line2: '', ...shipTo } : undefined,
      billingAddress: billingAddress ? { line2: '', ...billingAddress } : undefined,
      attributes: attributes ? { values: attributes } : undefined,
      customer: dto.customer ? { id: '', name: '', phone: '', ...dto.customer } : undefined,
      payment: dto.payment ? { method: '', ...dto.payment } : undefined,
    });
    return { order: placed.order as ordersV1.Order, created: placed.created };
  }
}
