import { Injectable } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { InventoryClient } from '../peers/inventory.client';
import { SHIPPING_REFUND_RULES, isOneOf, type ReturnGrade } from '../return/return-vocabulary';
import { defaultReturnPolicy, policyLocationFields, toPolicyContract, validateReturnPolicy, type ReturnPolicy } from './return-policy';
import { ReturnPoliciesRepository } from './return-policies.repository';
import type { ReturnPolicyEntity } from './return-policy.entity';

/**
 * Each tenant's return policy — window, reasons, non-returnable and final-sale items, fees,
 * shipping refunds and disposition rules — as data in the returns database. A tenant without one
 * gets the documented defaults. A policy is replaced whole, only when every field and every named
 * location is valid.
 */
@Injectable()
export class ReturnPoliciesService {
  constructor(
    private readonly policies: ReturnPoliciesRepository,
    private readonly locations: InventoryClient,
  ) {}

  /** The policy every decision of the current tenant reads. */
  async policy(): Promise<ReturnPolicy> {
    const stored = await this.policies.find();
    return stored ? fromEntity(stored) : defaultReturnPolicy();
  }

  async getPolicy(): Promise<returnsV1.ReturnPolicy> {
    return toPolicyContract(await this.policy());
  }

  async setPolicy(request: returnsV1.SetReturnPolicyRequest): Promise<returnsV1.ReturnPolicy> {
    const policy = validateReturnPolicy(request.policy);
    await this.locations.assertKnown(policyLocationFields({ ...policy, version: 0, updatedAt: null }));
    return toPolicyContract(fromEntity(await this.policies.replace(policy)));
  }
}

function fromEntity(entity: ReturnPolicyEntity): ReturnPolicy {
  const shippingRefund = isOneOf(SHIPPING_REFUND_RULES, entity.shippingRefund) ? entity.shippingRefund : 'merchant_fault';
  return {
    returnWindowDays: entity.returnWindowDays,
    reasons: entity.reasons,
    nonReturnableSkus: entity.nonReturnableSkus,
    finalSaleSkus: entity.finalSaleSkus,
    restockingFeeBps: entity.restockingFeeBps,
    shippingRefund,
    defaultMailLocationId: entity.defaultMailLocationId,
    dispositionRules: entity.dispositionRules,
    refundableGrades: entity.refundableGrades as ReturnGrade[],
    version: Number(entity.version),
    updatedAt: entity.updatedAt,
  };
}
