import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locations, items, stock positions, the movement ledger and reservations. Every table carries
 * tenant_id and every unique key includes it. The invariants that must hold under any code path
 * are enforced here: nothing negative, reserved ≤ on hand, one movement per reference, one
 * reservation per order line, and a ledger that cannot be rewritten.
 */
export class CreateInventoryTables1732700000200 implements MigrationInterface {
  name = 'CreateInventoryTables1732700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        capabilities text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT locations_tenant_code_key UNIQUE (tenant_id, code),
        CONSTRAINT locations_tenant_id_key UNIQUE (tenant_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE items (
        tenant_id text NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        product_group text NOT NULL DEFAULT '',
        unit_value_minor bigint NOT NULL CHECK (unit_value_minor >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT items_pkey PRIMARY KEY (tenant_id, sku)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_positions (
        tenant_id text NOT NULL,
        sku text NOT NULL,
        location_id uuid NOT NULL,
        on_hand bigint NOT NULL DEFAULT 0,
        reserved bigint NOT NULL DEFAULT 0,
        safety_stock bigint NOT NULL DEFAULT 0,
        version bigint NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stock_positions_pkey PRIMARY KEY (tenant_id, sku, location_id),
        CONSTRAINT stock_positions_item_fk FOREIGN KEY (tenant_id, sku) REFERENCES items (tenant_id, sku),
        CONSTRAINT stock_positions_location_fk FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
        CONSTRAINT stock_positions_on_hand_check CHECK (on_hand >= 0),
        CONSTRAINT stock_positions_reserved_check CHECK (reserved >= 0),
        CONSTRAINT stock_positions_reserved_on_hand_check CHECK (reserved <= on_hand),
        CONSTRAINT stock_positions_safety_stock_check CHECK (safety_stock >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        sku text NOT NULL,
        location_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('receipt', 'adjustment', 'count', 'reservation', 'release', 'pick',
          'ship', 'transfer_out', 'transfer_in', 'return_restock', 'write_off')),
        on_hand_delta bigint NOT NULL,
        reserved_delta bigint NOT NULL,
        reference text NOT NULL,
        reason text,
        principal text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stock_movements_reference_key UNIQUE (tenant_id, type, reference, sku, location_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX stock_movements_position_idx ON stock_movements (tenant_id, sku, location_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION stock_movements_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is an append-only ledger' USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stock_movements_immutable BEFORE UPDATE OR DELETE ON stock_movements
        FOR EACH ROW EXECUTE FUNCTION stock_movements_immutable()`);
    await queryRunner.query(`
      CREATE TABLE reservations (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id text NOT NULL,
        line_id text NOT NULL,
        sku text NOT NULL,
        location_id uuid NOT NULL,
        quantity bigint NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'consumed')),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reservations_order_line_key UNIQUE (tenant_id, order_id, line_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX reservations_held_expiry_idx ON reservations (expires_at) WHERE status = 'held'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reservations`);
    await queryRunner.query(`DROP TABLE stock_movements`);
    await queryRunner.query(`DROP FUNCTION stock_movements_immutable()`);
    await queryRunner.query(`DROP TABLE stock_positions`);
    await queryRunner.query(`DROP TABLE items`);
    await queryRunner.query(`DROP TABLE locations`);
  }
}
