import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/** A SKU of one tenant; the SKU is the tenant's own identifier and the key together with it. */
@Entity({ name: 'items' })
export class ItemEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  sku!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'product_group', type: 'text' })
  productGroup!: string;

  @Column({ name: 'unit_value_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  unitValueMinor!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
