import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { InventoryClient } from '../peers/inventory.client';
import { OrdersClient } from '../peers/orders.client';
import type { PurchasedOrder } from '../peers/purchased-order';
import { ReturnPoliciesService } from '../policy/return-policies.service';
import { ReturnsRepository } from '../return/returns.repository';
import type { ReturnPolicy } from '../policy/return-policy';
import type { CreateReturnCommand } from './create-return.validation';

export interface PreparedReturn {
  order: PurchasedOrder;
  shipTo: ordersV1.Address | undefined;
  policy: ReturnPolicy;
  locationId: string | null;
}

/**
 * Reads what a return decision needs before anything is stored: the order as orders knows it now
 * (404 passes through), the tenant's policy, and the location the goods are expected at, which
 * must be active and accept returns (a mail return without one falls back to the policy's default
 * mail-return location).
 */
@Injectable()
export class ReturnPreparation {
  constructor(
    private readonly orders: OrdersClient,
    private readonly policies: ReturnPoliciesService,
    private readonly locations: InventoryClient,
    private readonly repository: ReturnsRepository,
  ) {}

  /** The return an earlier request with this reference created, if any. */
  existingReturnId(reference: string): Promise<string | null> {
    return this.repository.findIdByReference(reference);
  }

  async prepare(command: CreateReturnCommand): Promise<PreparedReturn> {
    const [{ order, shipTo }, policy] = await Promise.all([this.orders.getOrder(command.orderId), this.policies.policy()]);
    const locationId = command.locationId ?? (command.method === 'mail' ? policy.defaultMailLocationId : null);
    if (locationId) await this.locations.assertAcceptsReturns(locationId, command.locationId ? 'locationId' : 'defaultMailLocationId');
    return { order, shipTo, policy, locationId };
  }
}
