import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourcingRules } from './sourcing-rules';

/** One version of a tenant's sourcing rules; at most one per tenant is active. */
@Entity({ name: 'sourcing_rule_sets' })
export class SourcingRuleSetEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: 'draft' | 'active' | 'retired';

  @Column({ type: 'jsonb' })
  rules!: SourcingRules;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'activated_by', type: 'text', nullable: true })
  activatedBy!: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
