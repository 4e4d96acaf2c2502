import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the read model beside `timeline_entries`: the log of every event tracking handled,
 * the order index for look-ups, shipments by tracking number, and carrier scans (linked to
 * shipments by carrier and tracking number, so a scan may arrive first).
 */
export class CreateReadModelTables1732700000401 implements MigrationInterface {
  name = 'CreateReadModelTables1732700000401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tracked_events (
        event_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        envelope jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX tracked_events_time_idx ON tracked_events (tenant_id, occurred_at, event_id)`);
    await queryRunner.query(`
      CREATE TABLE tracked_orders (
        tenant_id text NOT NULL,
        order_id text NOT NULL,
        channel text,
        channel_order_id text,
        customer_email text,
        customer_phone text,
        placed_at timestamptz,
        location_ids text[] NOT NULL DEFAULT '{}',
        first_event_at timestamptz NOT NULL,
        last_event_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, order_id)
      )`);
    await queryRunner.query(`CREATE INDEX tracked_orders_channel_order_idx ON tracked_orders (tenant_id, channel_order_id)`);
    await queryRunner.query(`CREATE INDEX tracked_orders_email_idx ON tracked_orders (tenant_id, customer_email)`);
    await queryRunner.query(`CREATE INDEX tracked_orders_phone_idx ON tracked_orders (tenant_id, customer_phone)`);
    await queryRunner.query(`
      CREATE TABLE tracked_shipments (
        tenant_id text NOT NULL,
        shipment_id text NOT NULL,
        order_id text NOT NULL,
        fulfillment_id text NOT NULL,
        location_id text NOT NULL,
        carrier text NOT NULL,
        service text NOT NULL,
        tracking_number text NOT NULL,
        shipped_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, shipment_id)
      )`);
    await queryRunner.query(`CREATE INDEX tracked_shipments_tracking_idx ON tracked_shipments (tenant_id, tracking_number)`);
    await queryRunner.query(`CREATE INDEX tracked_shipments_order_idx ON tracked_shipments (tenant_id, order_id)`);
    await queryRunner.query(`
      CREATE TABLE shipment_scans (
        event_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        carrier text NOT NULL,
        tracking_number text NOT NULL,
        scan_id text NOT NULL,
        code text NOT NULL,
        description text NOT NULL,
        place_name text NOT NULL,
        city text NOT NULL,
        postal_code text NOT NULL,
        country text NOT NULL,
        occurred_at timestamptz NOT NULL,
        estimated_delivery_at timestamptz,
        source text NOT NULL,
        correlation_id text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX shipment_scans_parcel_idx ON shipment_scans (tenant_id, lower(carrier), tracking_number, occurred_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE shipment_scans`);
    await queryRunner.query(`DROP TABLE tracked_shipments`);
    await queryRunner.query(`DROP TABLE tracked_orders`);
    await queryRunner.query(`DROP TABLE tracked_events`);
  }
}
