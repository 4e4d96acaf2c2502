import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks out (subscriptions, the durable delivery queue with its attempt log, replays), the
 * per-tenant settings, and carrier ingest (secrets, receipts that make a re-sent scan a no-op).
 * None of these is read model: a rebuild never touches them.
 */
export class CreateWebhookAndCarrierTables1732700000402 implements MigrationInterface {
  name = 'CreateWebhookAndCarrierTables1732700000402';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tracking_tenant_settings (
        tenant_id text PRIMARY KEY,
        allow_private_webhook_urls boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        partner_id text,
        url text NOT NULL,
        secret text NOT NULL,
        event_types text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX webhook_subscriptions_tenant_idx ON webhook_subscriptions (tenant_id) WHERE active`);
    await queryRunner.query(`
      CREATE TABLE webhook_replays (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        from_time timestamptz NOT NULL,
        to_time timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
        events_enqueued integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX webhook_replays_pending_idx ON webhook_replays (created_at) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        replay_id uuid REFERENCES webhook_replays(id),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'parked')),
        attempts integer NOT NULL DEFAULT 0,
        retry_base integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX webhook_deliveries_once_idx
         ON webhook_deliveries (subscription_id, event_id, coalesce(replay_id, '00000000-0000-0000-0000-000000000000'))`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (tenant_id, subscription_id, created_at DESC, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
        attempt integer NOT NULL,
        tenant_id text NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    await queryRunner.query(`
      CREATE TABLE carrier_tracking_settings (
        tenant_id text NOT NULL,
        carrier text NOT NULL,
        secret text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, carrier)
      )`);
    await queryRunner.query(`
      CREATE TABLE carrier_scan_receipts (
        tenant_id text NOT NULL,
        carrier text NOT NULL,
        tracking_number text NOT NULL,
        scan_id text NOT NULL,
        event_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, carrier, tracking_number, scan_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE carrier_scan_receipts`);
    await queryRunner.query(`DROP TABLE carrier_tracking_settings`);
    await queryRunner.query(`DROP TABLE webhook_delivery_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_replays`);
    await queryRunner.query(`DROP TABLE webhook_subscriptions`);
    await queryRunner.query(`DROP TABLE tracking_tenant_settings`);
  }
}
