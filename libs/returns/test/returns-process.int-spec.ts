import 'reflect-metadata';
import { InProcessEventBus } from '@baton/messaging';
import { bootstrapService, loadServiceConfig, type RunningService } from '@baton/platform';
import { createTestDatabase, dropTestDatabase } from '@baton/testing';
import { DataSource } from 'typeorm';
import { ReturnsModule } from '../src';

describe('returns service process', () => {
  let databaseUrl: string;
  let service: RunningService;
  const bus = new InProcessEventBus();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('returns process');
    const config = loadServiceConfig('returns', {
      RETURNS_DATABASE_URL: databaseUrl,
      HTTP_HOST: '127.0.0.1',
      RETURNS_HTTP_PORT: '0',
      LOG_LEVEL: 'error',
    });
    service = await bootstrapService({ service: 'returns', module: ReturnsModule.forRoot({ config, bus }), config });
  });

  afterAll(async () => {
    await service?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('migrates its own database with the returns and messaging tables', async () => {
    const tables = await service.app
      .get(DataSource)
      .query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      );
    expect(tables.map((t) => t.table_name)).toEqual([
      'inbox_events',
      'order_line_credits',
      'order_return_accounts',
      'outbox_events',
      'refunds',
      'return_lines',
      'return_policies',
      'return_receipts',
      'return_status_history',
      'return_units',
      'returns',
    ]);
  });

  it('is ready once its database and event bus answer', async () => {
    const response = await fetch(`${service.httpUrl}/health/ready`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { status: string; checks: Array<{ name: string; status: string }> };
    expect(report.status).toBe('ready');
    expect(report.checks.map((c) => c.name).sort()).toEqual(['database', 'event-bus']);
  });

  it('serves its Prometheus metrics', async () => {
    const response = await fetch(`${service.httpUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('service="returns"');
  });
});
