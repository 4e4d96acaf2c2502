import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legs, due times and the operations on fulfilment orders (pick, pack, ship, pickup), their
 * history, packages, shipments with labels, pick lists, location capacity and tenant policy.
 */
export class FulfillmentOperations1732700000310 implements MigrationInterface {
  name = 'FulfillmentOperations1732700000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE fulfillment_orders
        ADD COLUMN leg_type text NOT NULL DEFAULT 'ship' CHECK (leg_type IN ('ship', 'pickup', 'transfer')),
        ADD COLUMN leg_key text,
        ADD COLUMN destination_location_id text,
        ADD COLUMN depends_on_id uuid REFERENCES fulfillment_orders(id),
        ADD COLUMN priority integer NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 9),
        ADD COLUMN due_at timestamptz,
        ADD COLUMN window_start timestamptz,
        ADD COLUMN window_end timestamptz,
        ADD COLUMN promised_by timestamptz,
        ADD COLUMN ship_to jsonb,
        ADD COLUMN currency text NOT NULL DEFAULT '',
        ADD COLUMN carrier_strategy text,
        ADD COLUMN reject_reason text,
        ADD COLUMN accepted_day date,
        ADD COLUMN late_at timestamptz,
        ADD COLUMN pickup_code_hash text,
        ADD COLUMN pickup_expires_at timestamptz,
        ADD COLUMN arrived_at timestamptz,
        ADD COLUMN arrival_note text,
        ADD COLUMN pick_list_id uuid,
        ADD COLUMN available_at timestamptz`);
    await queryRunner.query(`UPDATE fulfillment_orders SET leg_key = 'ship|' || location_id WHERE leg_key IS NULL`);
    await queryRunner.query(`UPDATE fulfillment_orders SET available_at = created_at WHERE available_at IS NULL`);
    await queryRunner.query(`ALTER TABLE fulfillment_orders ALTER COLUMN leg_key SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE fulfillment_orders DROP CONSTRAINT fulfillment_orders_source_location_uq`);
    await queryRunner.query(
      `ALTER TABLE fulfillment_orders ADD CONSTRAINT fulfillment_orders_source_leg_uq UNIQUE (tenant_id, source_event_id, leg_key)`,
    );
    await queryRunner.query(
      `CREATE INDEX fulfillment_orders_queue_idx ON fulfillment_orders (tenant_id, location_id, status, priority, due_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX fulfillment_orders_open_idx ON fulfillment_orders (status, tenant_id)
         WHERE status IN ('created', 'accepted', 'ready_for_pickup')`,
    );
    await queryRunner.query(`
      ALTER TABLE fulfillment_lines
        ADD COLUMN unit_price_minor bigint NOT NULL DEFAULT 0,
        ADD COLUMN picked_quantity integer NOT NULL DEFAULT 0,
        ADD COLUMN short_quantity integer NOT NULL DEFAULT 0,
        ADD COLUMN collected_quantity integer NOT NULL DEFAULT 0,
        ADD COLUMN cancelled_quantity integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT fulfillment_lines_quantities_ck CHECK (
          picked_quantity >= 0 AND short_quantity >= 0 AND collected_quantity >= 0 AND cancelled_quantity >= 0
          AND picked_quantity + short_quantity + cancelled_quantity <= quantity
          AND collected_quantity <= picked_quantity)`);
    await queryRunner.query(`
      CREATE TABLE fulfillment_status_changes (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        fulfillment_id uuid NOT NULL REFERENCES fulfillment_orders(id),
        from_status text,
        to_status text NOT NULL,
        reason text,
        principal text,
        correlation_id text,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX fulfillment_status_changes_idx ON fulfillment_status_changes (tenant_id, fulfillment_id, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE fulfillment_packages (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        fulfillment_id uuid NOT NULL REFERENCES fulfillment_orders(id),
        package_no integer NOT NULL,
        weight_grams integer NOT NULL CHECK (weight_grams > 0),
        length_mm integer NOT NULL CHECK (length_mm > 0),
        width_mm integer NOT NULL CHECK (width_mm > 0),
        height_mm integer NOT NULL CHECK (height_mm > 0),
        lines jsonb NOT NULL,
        value_minor bigint NOT NULL,
        CONSTRAINT fulfillment_packages_no_uq UNIQUE (fulfillment_id, package_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        fulfillment_id uuid NOT NULL REFERENCES fulfillment_orders(id),
        package_id uuid NOT NULL REFERENCES fulfillment_packages(id),
        carrier_id text NOT NULL,
        service_code text NOT NULL,
        tracking_number text NOT NULL,
        status text NOT NULL,
        price_minor bigint NOT NULL,
        currency text NOT NULL,
        insured_value_minor bigint NOT NULL,
        estimated_delivery_at timestamptz NOT NULL,
        label_pdf bytea NOT NULL,
        label_zpl text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT shipments_tracking_uq UNIQUE (tenant_id, carrier_id, tracking_number),
        CONSTRAINT shipments_package_uq UNIQUE (package_id)
      )`);
    await queryRunner.query(`CREATE INDEX shipments_fulfillment_idx ON shipments (tenant_id, fulfillment_id)`);
    await queryRunner.query(`CREATE INDEX shipments_tracking_idx ON shipments (carrier_id, tracking_number)`);
    await queryRunner.query(`
      CREATE TABLE shipment_tracking_events (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        shipment_id uuid NOT NULL REFERENCES shipments(id),
        status text NOT NULL,
        occurred_at timestamptz NOT NULL,
        detail text NOT NULL,
        CONSTRAINT shipment_tracking_events_uq UNIQUE (shipment_id, status, occurred_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE pick_lists (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        location_id text NOT NULL,
        fulfillment_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE fulfillment_locations (
        tenant_id text NOT NULL,
        location_id text NOT NULL,
        daily_capacity integer CHECK (daily_capacity IS NULL OR daily_capacity > 0),
        time_zone text NOT NULL,
        address jsonb,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, location_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE location_daily_loads (
        tenant_id text NOT NULL,
        location_id text NOT NULL,
        day date NOT NULL,
        accepted integer NOT NULL CHECK (accepted >= 0),
        PRIMARY KEY (tenant_id, location_id, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE fulfillment_policies (
        tenant_id text PRIMARY KEY,
        start_within_minutes integer NOT NULL,
        on_late text NOT NULL,
        pickup_expiry_hours integer NOT NULL,
        on_pickup_expiry text NOT NULL,
        pickup_prep_minutes integer NOT NULL,
        default_carrier_strategy text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'fulfillment_policies',
      'location_daily_loads',
      'fulfillment_locations',
      'pick_lists',
      'shipment_tracking_events',
      'shipments',
      'fulfillment_packages',
      'fulfillment_status_changes',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`
      ALTER TABLE fulfillment_lines DROP CONSTRAINT fulfillment_lines_quantities_ck,
        DROP COLUMN unit_price_minor, DROP COLUMN picked_quantity, DROP COLUMN short_quantity,
        DROP COLUMN collected_quantity, DROP COLUMN cancelled_quantity`);
    await queryRunner.query(`DROP INDEX fulfillment_orders_open_idx`);
    await queryRunner.query(`DROP INDEX fulfillment_orders_queue_idx`);
    await queryRunner.query(`ALTER TABLE fulfillment_orders DROP CONSTRAINT fulfillment_orders_source_leg_uq`);
    await queryRunner.query(
      `ALTER TABLE fulfillment_orders ADD CONSTRAINT fulfillment_orders_source_location_uq UNIQUE (tenant_id, source_event_id, location_id)`,
    );
    await queryRunner.query(`
      ALTER TABLE fulfillment_orders
        DROP COLUMN leg_type, DROP COLUMN leg_key, DROP COLUMN destination_location_id, DROP COLUMN depends_on_id,
        DROP COLUMN priority, DROP COLUMN due_at, DROP COLUMN window_start, DROP COLUMN window_end,
        DROP COLUMN promised_by, DROP COLUMN ship_to, DROP COLUMN currency, DROP COLUMN carrier_strategy,
        DROP COLUMN reject_reason, DROP COLUMN accepted_day, DROP COLUMN late_at, DROP COLUMN pickup_code_hash,
        DROP COLUMN pickup_expires_at, DROP COLUMN arrived_at, DROP COLUMN arrival_note, DROP COLUMN pick_list_id,
        DROP COLUMN available_at`);
  }
}
