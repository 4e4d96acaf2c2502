import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partners and the locations they own, key binding (partner, own rate limit, rotation), stored
 * idempotent responses, and channel connections (shared secrets of webhook channels).
 */
export class PartnersKeysIdempotencyChannels1732700000110 implements MigrationInterface {
  name = 'PartnersKeysIdempotencyChannels1732700000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partners (
        tenant_id text NOT NULL REFERENCES tenants(id),
        id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE partner_locations (
        tenant_id text NOT NULL,
        location_id uuid NOT NULL,
        partner_id text NOT NULL,
        PRIMARY KEY (tenant_id, location_id),
        FOREIGN KEY (tenant_id, partner_id) REFERENCES partners(tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX partner_locations_partner_idx ON partner_locations (tenant_id, partner_id)`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        ADD COLUMN partner_id text,
        ADD COLUMN rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
        ADD COLUMN replaced_by uuid REFERENCES api_keys(id),
        ADD CONSTRAINT api_keys_partner_fk FOREIGN KEY (tenant_id, partner_id) REFERENCES partners(tenant_id, id)`);
    await queryRunner.query(`CREATE INDEX api_keys_tenant_created_idx ON api_keys (tenant_id, created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        claim_token uuid NOT NULL,
        response_status integer,
        response_type text,
        response_body text,
        locked_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE channel_connections (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES tenants(id),
        type text NOT NULL CHECK (type IN ('shopify')),
        channel text NOT NULL,
        name text NOT NULL,
        shared_secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX channel_connections_tenant_idx ON channel_connections (tenant_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX tenants_created_idx ON tenants (created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tenants_created_idx`);
    await queryRunner.query(`DROP TABLE channel_connections`);
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP INDEX api_keys_tenant_created_idx`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        DROP CONSTRAINT api_keys_partner_fk,
        DROP COLUMN replaced_by,
        DROP COLUMN rate_limit_per_minute,
        DROP COLUMN partner_id`);
    await queryRunner.query(`DROP TABLE partner_locations`);
    await queryRunner.query(`DROP TABLE partners`);
  }
}
