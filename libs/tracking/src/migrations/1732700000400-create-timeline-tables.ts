import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTimelineTables1732700000400 implements MigrationInterface {
  name = 'CreateTimelineTables1732700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE timeline_entries (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        order_id text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        service text NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary text NOT NULL,
        location_id text,
        correlation_id text NOT NULL,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT timeline_entries_event_id_key UNIQUE (event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX timeline_entries_order_idx ON timeline_entries (tenant_id, order_id, occurred_at, event_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE timeline_entries`);
  }
}
