import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrdersTables1732700000200 implements MigrationInterface {
  name = 'CreateOrdersTables1732700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        channel text NOT NULL,
        channel_order_id text NOT NULL,
        customer_email text NOT NULL,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        delivery_method text NOT NULL,
        ship_to jsonb NOT NULL,
        status text NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT orders_channel_order_uq UNIQUE (tenant_id, channel, channel_order_id)
      )`);
    await queryRunner.query(`CREATE INDEX orders_tenant_created_idx ON orders (tenant_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE order_lines (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        line_no integer NOT NULL,
        sku text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        location_id text NOT NULL,
        reservation_id text,
        status text NOT NULL,
        CONSTRAINT order_lines_order_line_no_uq UNIQUE (order_id, line_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE order_status_history (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        line_id uuid REFERENCES order_lines(id),
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        principal text,
        correlation_id text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE order_status_history`);
    await queryRunner.query(`DROP TABLE order_lines`);
    await queryRunner.query(`DROP TABLE orders`);
  }
}
