import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '../minor-units.transformer';
import type { DispositionRule, ReturnReason } from './return-policy';

/** A tenant's return policy as stored; one row per tenant, replaced whole by SetReturnPolicy. */
@Entity({ name: 'return_policies' })
export class ReturnPolicyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'return_window_days', type: 'integer' })
  returnWindowDays!: number;

  @Column({ type: 'jsonb' })
  reasons!: ReturnReason[];

  @Column({ name: 'non_returnable_skus', type: 'text', array: true })
  nonReturnableSkus!: string[];

  @Column({ name: 'final_sale_skus', type: 'text', array: true })
  finalSaleSkus!: string[];

  @Column({ name: 'restocking_fee_bps', type: 'integer' })
  restockingFeeBps!: number;

  @Column({ name: 'shipping_refund', type: 'text' })
  shippingRefund!: string;

  @Column({ name: 'default_mail_location_id', type: 'uuid', nullable: true })
  defaultMailLocationId!: string | null;

  @Column({ name: 'disposition_rules', type: 'jsonb' })
  dispositionRules!: DispositionRule[];

  @Column({ name: 'refundable_grades', type: 'text', array: true })
  refundableGrades!: string[];

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
