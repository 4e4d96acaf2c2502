import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '../minor-units.transformer';

/** Per order line, how many units all returns credited and for how much. */
@Entity({ name: 'order_line_credits' })
export class OrderLineCreditEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_id', type: 'text' })
  lineId!: string;

  @Column({ name: 'ordered_quantity', type: 'integer' })
  orderedQuantity!: number;

  @Column({ name: 'credited_units', type: 'integer' })
  creditedUnits!: number;

  @Column({ name: 'credited_minor', type: 'bigint', transformer: minorUnitsTransformer })
  creditedMinor!: number;
}
