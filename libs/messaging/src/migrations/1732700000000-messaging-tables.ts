import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the outbox and inbox tables every service keeps in its own database. */
export class MessagingTables1732700000000 implements MigrationInterface {
  name = 'MessagingTables1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        seq bigserial NOT NULL,
        id uuid NOT NULL,
        tenant_id text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        type text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        CONSTRAINT outbox_events_pkey PRIMARY KEY (seq),
        CONSTRAINT outbox_events_id_key UNIQUE (id)
      )`);
    await queryRunner.query(
      'CREATE INDEX outbox_events_unpublished_idx ON outbox_events (seq) WHERE published_at IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE inbox_events (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        tenant_id text NOT NULL,
        type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbox_events_pkey PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_events');
    await queryRunner.query('DROP TABLE outbox_events');
  }
}
