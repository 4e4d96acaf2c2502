import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An organisation running its network on Baton. Its id is the tenant key every service stores. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
