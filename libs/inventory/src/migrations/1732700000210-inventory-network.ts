import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole stock network on top of the first slice: location and item attributes, per-position
 * safety stock overrides, a ledger sequence for paging, the reservation lifecycle (partial release
 * and consumption, confirmation, expiry), inbound supply, stock feeds, and `inventory_abort` (lets
 * a single-statement reservation roll itself back when a guard fails). The invariants stay in
 * the database: a reservation never releases or consumes more than it held, an inbound line never
 * counts a negative quantity, and the ledger remains append-only.
 */
export class InventoryNetwork1732700000210 implements MigrationInterface {
  name = 'InventoryNetwork1732700000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE locations
        ADD COLUMN address jsonb,
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN opening_hours jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN daily_capacity integer CHECK (daily_capacity >= 0),
        ADD COLUMN handling_cost_minor bigint NOT NULL DEFAULT 0 CHECK (handling_cost_minor >= 0),
        ADD COLUMN partner_id text,
        ADD COLUMN groups text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX locations_groups_idx ON locations USING gin (groups)`);
    await queryRunner.query(`CREATE INDEX locations_partner_idx ON locations (tenant_id, partner_id)`);

    await queryRunner.query(`
      ALTER TABLE items
        ADD COLUMN weight_grams integer NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
        ADD COLUMN length_mm integer CHECK (length_mm > 0),
        ADD COLUMN width_mm integer CHECK (width_mm > 0),
        ADD COLUMN height_mm integer CHECK (height_mm > 0),
        ADD COLUMN safety_stock bigint NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
        ADD COLUMN safety_stock_by_location_type jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN low_stock_threshold bigint CHECK (low_stock_threshold >= 0),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);

    await queryRunner.query(`
      ALTER TABLE stock_positions
        ADD COLUMN safety_stock_override boolean NOT NULL DEFAULT false`);

    // Positions are updated far more often than inserted: room on each page lets an update stay on
    // its page (a HOT update, no index entries), which is most of the cost of a stock change.
    await queryRunner.query(`ALTER TABLE stock_positions SET (fillfactor = 70)`);

    // The ledger is keyed by its order (tenant, seq); the uuid stays as the movement's public id
    // without an index of its own (one random-key B-tree less per booked movement).
    await queryRunner.query(`ALTER TABLE stock_movements ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await queryRunner.query(`DROP INDEX stock_movements_position_idx`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_pkey`);
    await queryRunner.query(`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_pkey PRIMARY KEY (tenant_id, seq)`);
    await queryRunner.query(
      `CREATE INDEX stock_movements_position_seq_idx ON stock_movements (tenant_id, sku, location_id, seq)`,
    );
    await queryRunner.query(
      `CREATE INDEX stock_movements_location_seq_idx ON stock_movements (tenant_id, location_id, seq)`,
    );

    await queryRunner.query(`ALTER TABLE reservations DROP CONSTRAINT reservations_status_check`);
    await queryRunner.query(`
      ALTER TABLE reservations
        ADD COLUMN released_quantity bigint NOT NULL DEFAULT 0 CHECK (released_quantity >= 0),
        ADD COLUMN consumed_quantity bigint NOT NULL DEFAULT 0 CHECK (consumed_quantity >= 0),
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT reservations_status_check
          CHECK (status IN ('held', 'confirmed', 'released', 'consumed', 'expired')),
        ADD CONSTRAINT reservations_settled_check CHECK (released_quantity + consumed_quantity <= quantity)`);

    await queryRunner.query(`
      CREATE TABLE inbound_supplies (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('purchase_order', 'asn', 'transfer')),
        reference text NOT NULL,
        supplier text NOT NULL DEFAULT '',
        source_location_id uuid,
        status text NOT NULL CHECK (status IN ('open', 'partially_received', 'received', 'closed')),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbound_supplies_reference_key UNIQUE (tenant_id, kind, reference),
        CONSTRAINT inbound_supplies_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT inbound_supplies_source_fk FOREIGN KEY (tenant_id, source_location_id)
          REFERENCES locations (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX inbound_supplies_seq_idx ON inbound_supplies (tenant_id, seq)`);
    await queryRunner.query(`
      CREATE TABLE inbound_lines (
        tenant_id text NOT NULL,
        supply_id uuid NOT NULL,
        line_id text NOT NULL,
        sku text NOT NULL,
        location_id uuid NOT NULL,
        expected_quantity bigint NOT NULL CHECK (expected_quantity > 0),
        received_quantity bigint NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
        eta timestamptz NOT NULL,
        open boolean NOT NULL DEFAULT true,
        CONSTRAINT inbound_lines_pkey PRIMARY KEY (tenant_id, supply_id, line_id),
        CONSTRAINT inbound_lines_supply_fk FOREIGN KEY (tenant_id, supply_id)
          REFERENCES inbound_supplies (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT inbound_lines_item_fk FOREIGN KEY (tenant_id, sku) REFERENCES items (tenant_id, sku),
        CONSTRAINT inbound_lines_location_fk FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
      )`);
    await queryRunner.query(
      `CREATE INDEX inbound_lines_open_idx ON inbound_lines (tenant_id, sku, location_id, eta) WHERE open`,
    );

    await queryRunner.query(`
      CREATE FUNCTION inventory_abort(code text, message text) RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
      END $$`);

    await queryRunner.query(`
      CREATE TABLE stock_feeds (
        tenant_id text NOT NULL,
        feed_id text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('snapshot', 'delta')),
        format text NOT NULL CHECK (format IN ('csv', 'ndjson')),
        source text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('importing', 'completed')),
        rows_total bigint NOT NULL DEFAULT 0,
        rows_applied bigint NOT NULL DEFAULT 0,
        rows_unchanged bigint NOT NULL DEFAULT 0,
        rows_rejected bigint NOT NULL DEFAULT 0,
        rejections jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT stock_feeds_pkey PRIMARY KEY (tenant_id, feed_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_feeds`);
    await queryRunner.query(`DROP FUNCTION inventory_abort(text, text)`);
    await queryRunner.query(`DROP TABLE inbound_lines`);
    await queryRunner.query(`DROP TABLE inbound_supplies`);
    await queryRunner.query(`
      ALTER TABLE reservations
        DROP CONSTRAINT reservations_settled_check,
        DROP CONSTRAINT reservations_status_check,
        DROP COLUMN released_quantity, DROP COLUMN consumed_quantity,
        DROP COLUMN confirmed_at, DROP COLUMN updated_at`);
    await queryRunner.query(`
      ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
        CHECK (status IN ('held', 'confirmed', 'released', 'consumed'))`);
    await queryRunner.query(`DROP INDEX stock_movements_location_seq_idx`);
    await queryRunner.query(`DROP INDEX stock_movements_position_seq_idx`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_pkey`);
    await queryRunner.query(`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_pkey PRIMARY KEY (id)`);
    await queryRunner.query(
      `CREATE INDEX stock_movements_position_idx ON stock_movements (tenant_id, sku, location_id, created_at)`,
    );
    await queryRunner.query(`ALTER TABLE stock_movements DROP COLUMN seq`);
    await queryRunner.query(`ALTER TABLE stock_positions DROP COLUMN safety_stock_override`);
    await queryRunner.query(`ALTER TABLE stock_positions RESET (fillfactor)`);
    await queryRunner.query(`
      ALTER TABLE items
        DROP COLUMN weight_grams, DROP COLUMN length_mm, DROP COLUMN width_mm, DROP COLUMN height_mm,
        DROP COLUMN safety_stock, DROP COLUMN safety_stock_by_location_type, DROP COLUMN low_stock_threshold,
        DROP COLUMN updated_at`);
    await queryRunner.query(`DROP INDEX locations_partner_idx`);
    await queryRunner.query(`DROP INDEX locations_groups_idx`);
    await queryRunner.query(`
      ALTER TABLE locations
        DROP COLUMN address, DROP COLUMN time_zone, DROP COLUMN opening_hours, DROP COLUMN daily_capacity,
        DROP COLUMN handling_cost_minor, DROP COLUMN partner_id, DROP COLUMN groups, DROP COLUMN updated_at`);
  }
}
