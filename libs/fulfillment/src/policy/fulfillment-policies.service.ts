import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationError } from '@baton/domain';
import { requireTenant, tenantScope } from '@baton/platform';
import { FulfillmentPolicyEntity } from './fulfillment-policy.entity';
import {
  DEFAULT_FULFILLMENT_POLICY,
  carrierStrategyOf,
  policyViolations,
  type FulfillmentPolicy,
  type LateAction,
  type PickupExpiryAction,
} from './fulfillment-policy';

/**
 * Each tenant's pick/pack timer and pickup rules. A tenant without a stored policy has the
 * defaults; a policy is replaced whole and validated first, so a half-valid one is never stored.
 */
@Injectable()
export class FulfillmentPoliciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<FulfillmentPolicy> {
    const stored = await this.dataSource
      .getRepository(FulfillmentPolicyEntity)
      .findOne({ where: tenantScope({}) });
    if (!stored) return { ...DEFAULT_FULFILLMENT_POLICY };
    return {
      startWithinMinutes: stored.startWithinMinutes,
      onLate: stored.onLate as LateAction,
      pickupExpiryHours: stored.pickupExpiryHours,
      onPickupExpiry: stored.onPickupExpiry as PickupExpiryAction,
      pickupPrepMinutes: stored.pickupPrepMinutes,
      defaultCarrierStrategy: carrierStrategyOf(stored.defaultCarrierStrategy) ?? DEFAULT_FULFILLMENT_POLICY.defaultCarrierStrategy,
    };
  }

  async replace(policy: { [K in keyof FulfillmentPolicy]?: unknown } = {}): Promise<FulfillmentPolicy> {
    const violations = policyViolations(policy);
    if (violations.length > 0) throw new ValidationError(violations);
    const valid: FulfillmentPolicy = {
      startWithinMinutes: Number(policy.startWithinMinutes),
      onLate: policy.onLate as LateAction,
      pickupExpiryHours: Number(policy.pickupExpiryHours),
      onPickupExpiry: policy.onPickupExpiry as PickupExpiryAction,
      pickupPrepMinutes: Number(policy.pickupPrepMinutes),
      defaultCarrierStrategy: carrierStrategyOf(String(policy.defaultCarrierStrategy)) ?? 'cheapest',
    };
    await this.dataSource
      .getRepository(FulfillmentPolicyEntity)
      .upsert({ tenantId: requireTenant(), ...valid, updatedAt: new Date() }, ['tenantId']);
    return valid;
  }
}
