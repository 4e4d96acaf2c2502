import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complete order: capture fields, per-line delivery and quantities, allocations (the parts of
 * a line reserved at a location), holds, sourcing decisions with their explanation, versioned
 * sourcing rules, and the cause of each history entry. Additive: orders placed before keep
 * working (their lines become one allocation each).
 */
export class OrdersLifecycle1732700000210 implements MigrationInterface {
  name = 'OrdersLifecycle1732700000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE orders
        ADD COLUMN principal text,
        ADD COLUMN customer jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN billing_address jsonb,
        ALTER COLUMN ship_to DROP NOT NULL,
        ADD COLUMN destination_location_id text,
        ADD COLUMN requested_from timestamptz,
        ADD COLUMN requested_to timestamptz,
        ADD COLUMN priority smallint NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 9),
        ADD COLUMN sourcing_preference text,
        ADD COLUMN payment jsonb,
        ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN fraud_score smallint CHECK (fraud_score BETWEEN 0 AND 100),
        ADD COLUMN subtotal_minor bigint NOT NULL DEFAULT 0,
        ADD COLUMN tax_minor bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
        ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
        ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
        ADD COLUMN promised_date date,
        ADD COLUMN announced boolean NOT NULL DEFAULT true,
        ADD COLUMN sourcing_attempts integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`UPDATE orders SET subtotal_minor = total_minor`);
    await queryRunner.query(`CREATE INDEX orders_tenant_status_idx ON orders (tenant_id, status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_tenant_list_idx ON orders (tenant_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_tenant_email_idx ON orders (tenant_id, lower(customer_email))`);
    await queryRunner.query(`CREATE INDEX orders_tenant_customer_idx ON orders (tenant_id, (customer->>'id'))`);

    await queryRunner.query(`
      ALTER TABLE order_lines
        ALTER COLUMN location_id DROP NOT NULL,
        ADD COLUMN tax_minor bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
        ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
        ADD COLUMN delivery_method text NOT NULL DEFAULT 'ship_to_address',
        ADD COLUMN destination_location_id text,
        ADD COLUMN unit_weight_grams integer NOT NULL DEFAULT 0 CHECK (unit_weight_grams >= 0),
        ADD COLUMN cancelled_quantity integer NOT NULL DEFAULT 0 CHECK (cancelled_quantity >= 0),
        ADD COLUMN shipped_quantity integer NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0),
        ADD COLUMN ready_quantity integer NOT NULL DEFAULT 0 CHECK (ready_quantity >= 0),
        ADD COLUMN delivered_quantity integer NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
        ADD COLUMN returned_quantity integer NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0),
        ADD COLUMN backordered_quantity integer NOT NULL DEFAULT 0 CHECK (backordered_quantity >= 0),
        ADD COLUMN expected_date date,
        ADD CONSTRAINT order_lines_quantities_ck CHECK (cancelled_quantity + shipped_quantity <= quantity)`);
    await queryRunner.query(`UPDATE order_lines l SET delivery_method = o.delivery_method FROM orders o WHERE o.id = l.order_id`);
    await queryRunner.query(`CREATE INDEX order_lines_backordered_idx ON order_lines (tenant_id, sku) WHERE backordered_quantity > 0`);

    await queryRunner.query(`
      CREATE TABLE order_allocations (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        line_id uuid NOT NULL REFERENCES order_lines(id),
        sku text NOT NULL,
        location_id text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        released_quantity integer NOT NULL DEFAULT 0 CHECK (released_quantity >= 0),
        shipped_quantity integer NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0),
        ready_quantity integer NOT NULL DEFAULT 0 CHECK (ready_quantity >= 0),
        completed_quantity integer NOT NULL DEFAULT 0 CHECK (completed_quantity >= 0),
        status text NOT NULL,
        carrier_service_id text,
        eta_date date,
        reservation_id text,
        fulfillment_id text,
        attempt integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT order_allocations_quantities_ck CHECK (released_quantity + shipped_quantity <= quantity)
      )`);
    await queryRunner.query(`CREATE INDEX order_allocations_order_idx ON order_allocations (tenant_id, order_id)`);
    await queryRunner.query(`CREATE INDEX order_allocations_location_idx ON order_allocations (tenant_id, location_id, order_id)`);
    await queryRunner.query(`
      INSERT INTO order_allocations (id, tenant_id, order_id, line_id, sku, location_id, quantity, status, reservation_id, attempt, created_at, updated_at)
      SELECT l.id, l.tenant_id, l.order_id, l.id, l.sku, l.location_id, l.quantity, 'reserved', l.reservation_id, 1, o.created_at, o.updated_at
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.location_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE order_holds (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        kind text NOT NULL CHECK (kind IN ('manual', 'rule')),
        code text NOT NULL,
        reason text NOT NULL,
        previous_status text NOT NULL,
        placed_by text,
        placed_at timestamptz NOT NULL,
        released_by text,
        released_at timestamptz,
        release_note text
      )`);
    await queryRunner.query(`CREATE INDEX order_holds_order_idx ON order_holds (tenant_id, order_id)`);

    await queryRunner.query(`
      CREATE TABLE sourcing_decisions (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        attempt integer NOT NULL,
        trigger text NOT NULL,
        cause_event_id text,
        strategy text NOT NULL,
        rules_version integer NOT NULL,
        decided_at timestamptz NOT NULL,
        complete boolean NOT NULL,
        result jsonb NOT NULL,
        explanation jsonb NOT NULL,
        CONSTRAINT sourcing_decisions_attempt_uq UNIQUE (order_id, attempt)
      )`);

    await queryRunner.query(`
      CREATE TABLE sourcing_rule_sets (
        tenant_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
        rules jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by text,
        created_at timestamptz NOT NULL,
        activated_by text,
        activated_at timestamptz,
        PRIMARY KEY (tenant_id, version)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sourcing_rule_sets_one_active ON sourcing_rule_sets (tenant_id) WHERE status = 'active'`);

    await queryRunner.query(`
      ALTER TABLE order_status_history
        ADD COLUMN cause_event_id text,
        ADD COLUMN cause_event_type text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE order_status_history DROP COLUMN cause_event_id, DROP COLUMN cause_event_type`);
    await queryRunner.query(`DROP TABLE sourcing_rule_sets`);
    await queryRunner.query(`DROP TABLE sourcing_decisions`);
    await queryRunner.query(`DROP TABLE order_holds`);
    await queryRunner.query(`DROP TABLE order_allocations`);
    await queryRunner.query(`
      ALTER TABLE order_lines
        DROP CONSTRAINT order_lines_quantities_ck,
        DROP COLUMN tax_minor, DROP COLUMN discount_minor, DROP COLUMN delivery_method, DROP COLUMN destination_location_id,
        DROP COLUMN unit_weight_grams, DROP COLUMN cancelled_quantity, DROP COLUMN shipped_quantity, DROP COLUMN ready_quantity,
        DROP COLUMN delivered_quantity, DROP COLUMN returned_quantity, DROP COLUMN backordered_quantity, DROP COLUMN expected_date`);
    await queryRunner.query(`DROP INDEX orders_tenant_status_idx, orders_tenant_list_idx, orders_tenant_email_idx, orders_tenant_customer_idx`);
    await queryRunner.query(`
      ALTER TABLE orders
        DROP COLUMN principal, DROP COLUMN customer, DROP COLUMN billing_address, DROP COLUMN destination_location_id,
        DROP COLUMN requested_from, DROP COLUMN requested_to, DROP COLUMN priority, DROP COLUMN sourcing_preference,
        DROP COLUMN payment, DROP COLUMN attributes, DROP COLUMN fraud_score, DROP COLUMN subtotal_minor, DROP COLUMN tax_minor,
        DROP COLUMN discount_minor, DROP COLUMN refunded_minor, DROP COLUMN promised_date, DROP COLUMN announced,
        DROP COLUMN sourcing_attempts`);
  }
}
