import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import type { ReturnPolicy } from './return-policy';
import { ReturnPolicyEntity } from './return-policy.entity';

/** The only place that queries return policies; one row per tenant. */
@Injectable()
export class ReturnPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(): Promise<ReturnPolicyEntity | null> {
    return this.dataSource.getRepository(ReturnPolicyEntity).findOne({ where: tenantScope({}) });
  }

  /** Replaces the tenant's policy whole and raises its version by one. */
  async replace(policy: Omit<ReturnPolicy, 'version' | 'updatedAt'>): Promise<ReturnPolicyEntity> {
    const rows: Array<{ version: string; updated_at: Date }> = await this.dataSource.query(
      `INSERT INTO return_policies AS p (tenant_id, return_window_days, reasons, non_returnable_skus, final_sale_skus,
         restocking_fee_bps, shipping_refund, default_mail_location_id, disposition_rules, refundable_grades, version, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9::jsonb, $10, 1, now())
       ON CONFLICT (tenant_id) DO UPDATE SET
         return_window_days = EXCLUDED.return_window_days, reasons = EXCLUDED.reasons,
         non_returnable_skus = EXCLUDED.non_returnable_skus, final_sale_skus = EXCLUDED.final_sale_skus,
         restocking_fee_bps = EXCLUDED.restocking_fee_bps, shipping_refund = EXCLUDED.shipping_refund,
         default_mail_location_id = EXCLUDED.default_mail_location_id, disposition_rules = EXCLUDED.disposition_rules,
         refundable_grades = EXCLUDED.refundable_grades, version = p.version + 1, updated_at = now()
       RETURNING version, updated_at`,
      [
        requireTenant(),
        policy.returnWindowDays,
        JSON.stringify(policy.reasons),
        policy.nonReturnableSkus,
        policy.finalSaleSkus,
        policy.restockingFeeBps,
        policy.shippingRefund,
        policy.defaultMailLocationId,
        JSON.stringify(policy.dispositionRules),
        policy.refundableGrades,
      ],
    );
    return Object.assign(new ReturnPolicyEntity(), {
      tenantId: requireTenant(),
      ...policy,
      version: Number(rows[0].version),
      updatedAt: rows[0].updated_at,
    });
  }
}
