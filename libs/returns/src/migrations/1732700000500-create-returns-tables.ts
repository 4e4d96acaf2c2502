import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The returns database: tenant policies, returns with their lines, units, receipts and history,
 * refunds, and per order the account of what was credited back. Every table carries tenant_id and
 * every unique key includes it. The invariants that must hold under any code path are enforced
 * here: a line never receives more than it authorised, a line is never credited for more units
 * than were ordered, and an order is never credited more than was paid for it.
 */
export class CreateReturnsTables1732700000500 implements MigrationInterface {
  name = 'CreateReturnsTables1732700000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE return_policies (
        tenant_id text PRIMARY KEY,
        return_window_days integer NOT NULL CHECK (return_window_days BETWEEN 0 AND 3650),
        reasons jsonb NOT NULL,
        non_returnable_skus text[] NOT NULL DEFAULT '{}',
        final_sale_skus text[] NOT NULL DEFAULT '{}',
        restocking_fee_bps integer NOT NULL CHECK (restocking_fee_bps BETWEEN 0 AND 10000),
        shipping_refund text NOT NULL CHECK (shipping_refund IN ('never', 'merchant_fault', 'full_return', 'always')),
        default_mail_location_id uuid,
        disposition_rules jsonb NOT NULL,
        refundable_grades text[] NOT NULL,
        version bigint NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE order_return_accounts (
        tenant_id text NOT NULL,
        order_id uuid NOT NULL,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        paid_minor bigint NOT NULL CHECK (paid_minor >= 0),
        credited_minor bigint NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
        shipping_refunded_minor bigint NOT NULL DEFAULT 0 CHECK (shipping_refunded_minor >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT order_return_accounts_pkey PRIMARY KEY (tenant_id, order_id),
        CONSTRAINT order_return_accounts_credit_within_paid CHECK (credited_minor <= paid_minor)
      )`);
    await queryRunner.query(`
      CREATE TABLE order_line_credits (
        tenant_id text NOT NULL,
        order_id uuid NOT NULL,
        line_id text NOT NULL,
        ordered_quantity integer NOT NULL CHECK (ordered_quantity > 0),
        credited_units integer NOT NULL DEFAULT 0,
        credited_minor bigint NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
        CONSTRAINT order_line_credits_pkey PRIMARY KEY (tenant_id, order_id, line_id),
        CONSTRAINT order_line_credits_account_fk FOREIGN KEY (tenant_id, order_id) REFERENCES order_return_accounts (tenant_id, order_id),
        CONSTRAINT order_line_credits_units_within_ordered CHECK (credited_units BETWEEN 0 AND ordered_quantity)
      )`);
    await queryRunner.query(`
      CREATE TABLE returns (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        rma_number text NOT NULL,
        order_id uuid NOT NULL,
        reference text,
        status text NOT NULL CHECK (status IN ('authorised', 'in_transit', 'received', 'inspected', 'completed', 'rejected', 'cancelled')),
        method text NOT NULL CHECK (method IN ('mail', 'in_store')),
        location_id uuid,
        received_location_id uuid,
        created_by text NOT NULL CHECK (created_by IN ('channel', 'store', 'customer_service')),
        currency text NOT NULL,
        customer_email text NOT NULL,
        refund_mode text NOT NULL CHECK (refund_mode IN ('refund', 'none')),
        no_refund_reason text,
        label jsonb,
        exchange jsonb,
        carrier text,
        tracking_number text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT returns_tenant_rma_key UNIQUE (tenant_id, rma_number),
        CONSTRAINT returns_tenant_reference_key UNIQUE (tenant_id, reference),
        CONSTRAINT returns_tenant_id_key UNIQUE (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX returns_order_idx ON returns (tenant_id, order_id, created_at)`);
    await queryRunner.query(`CREATE INDEX returns_recent_idx ON returns (tenant_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX returns_status_idx ON returns (tenant_id, status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX returns_location_idx ON returns (tenant_id, location_id)`);
    await queryRunner.query(`CREATE INDEX returns_received_location_idx ON returns (tenant_id, received_location_id)`);
    await queryRunner.query(`
      CREATE TABLE return_lines (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        return_id uuid NOT NULL REFERENCES returns (id),
        order_line_id text NOT NULL,
        sku text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        received_quantity integer NOT NULL DEFAULT 0,
        reason_code text NOT NULL,
        merchant_fault boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        CONSTRAINT return_lines_return_line_key UNIQUE (return_id, order_line_id),
        CONSTRAINT return_lines_received_within_authorised CHECK (received_quantity BETWEEN 0 AND quantity)
      )`);
    await queryRunner.query(`
      CREATE TABLE return_units (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        return_id uuid NOT NULL REFERENCES returns (id),
        seq integer NOT NULL,
        order_line_id text,
        sku text NOT NULL,
        unexpected boolean NOT NULL,
        received boolean NOT NULL,
        receipt_id text,
        location_id uuid,
        grade text CHECK (grade IN ('resellable', 'damaged', 'defective', 'wrong_item', 'missing')),
        disposition text CHECK (disposition IN ('restock', 'transfer', 'refurbish', 'write_off', 'return_to_vendor', 'none')),
        target_location_id uuid,
        note text NOT NULL DEFAULT '',
        received_at timestamptz,
        inspected_at timestamptz,
        disposed_at timestamptz,
        CONSTRAINT return_units_return_seq_key UNIQUE (return_id, seq),
        CONSTRAINT return_units_unexpected_has_no_line CHECK (unexpected = (order_line_id IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE return_receipts (
        tenant_id text NOT NULL,
        return_id uuid NOT NULL REFERENCES returns (id),
        receipt_id text NOT NULL,
        location_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        CONSTRAINT return_receipts_pkey PRIMARY KEY (tenant_id, return_id, receipt_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE return_status_history (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        return_id uuid NOT NULL REFERENCES returns (id),
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        principal text,
        correlation_id text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX return_status_history_return_idx ON return_status_history (return_id, id)`);
    await queryRunner.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        return_id uuid NOT NULL REFERENCES returns (id),
        order_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'failed', 'not_requested')),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        currency text NOT NULL,
        breakdown jsonb NOT NULL,
        payment_reference text,
        message text,
        requested_at timestamptz NOT NULL,
        settled_at timestamptz,
        CONSTRAINT refunds_return_key UNIQUE (return_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refunds`);
    await queryRunner.query(`DROP TABLE return_status_history`);
    await queryRunner.query(`DROP TABLE return_receipts`);
    await queryRunner.query(`DROP TABLE return_units`);
    await queryRunner.query(`DROP TABLE return_lines`);
    await queryRunner.query(`DROP TABLE returns`);
    await queryRunner.query(`DROP TABLE order_line_credits`);
    await queryRunner.query(`DROP TABLE order_return_accounts`);
    await queryRunner.query(`DROP TABLE return_policies`);
  }
}
