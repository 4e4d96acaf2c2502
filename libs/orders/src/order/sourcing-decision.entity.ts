import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SourcingExplanation, SourcingResult } from '../sourcing/sourcing-model';

export type DecisionTrigger = 'placement' | 'resourcing' | 'backorder_retry' | 'release';

/** One run of the sourcing engine for an order: what it decided and why, kept for the explanation route. */
@Entity({ name: 'sourcing_decisions' })
export class SourcingDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'text' })
  trigger!: DecisionTrigger;

  @Column({ name: 'cause_event_id', type: 'text', nullable: true })
  causeEventId!: string | null;

  @Column({ type: 'text' })
  strategy!: string;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion!: number;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'boolean' })
  complete!: boolean;

  @Column({ type: 'jsonb' })
  result!: Pick<SourcingResult, 'shipments' | 'unfulfillable' | 'totals'> & { excludedLocationIds: string[] };

  @Column({ type: 'jsonb' })
  explanation!: SourcingExplanation;
}
