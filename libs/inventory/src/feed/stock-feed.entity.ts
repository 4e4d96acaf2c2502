import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

export interface FeedNote {
  line: number;
  reason: string;
  sku: string;
  location: string;
}

/** One imported stock feed, by its id: importing the same feed id again returns this record. */
@Entity({ name: 'stock_feeds' })
export class StockFeedEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'feed_id', type: 'text' })
  feedId!: string;

  @Column({ type: 'text' })
  mode!: 'snapshot' | 'delta';

  @Column({ type: 'text' })
  format!: 'csv' | 'ndjson';

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  status!: 'importing' | 'completed';

  @Column({ name: 'rows_total', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  rowsTotal!: number;

  @Column({ name: 'rows_applied', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  rowsApplied!: number;

  @Column({ name: 'rows_unchanged', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  rowsUnchanged!: number;

  @Column({ name: 'rows_rejected', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  rowsRejected!: number;

  @Column({ type: 'jsonb' })
  rejections!: FeedNote[];

  @Column({ type: 'jsonb' })
  warnings!: FeedNote[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
