import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFulfillmentTables1732700000300 implements MigrationInterface {
  name = 'CreateFulfillmentTables1732700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fulfillment_orders (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id text NOT NULL,
        location_id text NOT NULL,
        delivery_method text NOT NULL,
        status text NOT NULL,
        source_event_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT fulfillment_orders_source_location_uq UNIQUE (tenant_id, source_event_id, location_id)
      )`);
    await queryRunner.query(`CREATE INDEX fulfillment_orders_order_idx ON fulfillment_orders (tenant_id, order_id)`);
    await queryRunner.query(`
      CREATE TABLE fulfillment_lines (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        fulfillment_id uuid NOT NULL REFERENCES fulfillment_orders(id),
        line_no integer NOT NULL,
        order_line_id text NOT NULL,
        sku text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        CONSTRAINT fulfillment_lines_order_line_uq UNIQUE (fulfillment_id, order_line_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fulfillment_lines`);
    await queryRunner.query(`DROP TABLE fulfillment_orders`);
  }
}
