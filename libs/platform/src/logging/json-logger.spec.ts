import { runWithContext } from '../context/request-context';
import { JsonLogger } from './json-logger';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): { logger: JsonLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = new JsonLogger('orders', level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { logger, lines };
}

describe(JsonLogger.name, () => {
  it('writes one JSON line with the correlation and tenant of the current context', async () => {
    const { logger, lines } = capture();
    await runWithContext({ correlationId: 'corr-1', tenantId: 'tenant-a' }, async () => {
      await Promise.resolve();
      logger.log('order placed', 'OrdersService');
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'orders',
        context: 'OrdersService',
        msg: 'order placed',
        correlationId: 'corr-1',
        tenantId: 'tenant-a',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    ]);
  });

  it('leaves correlation and tenant out when there is no context', () => {
    const { logger, lines } = capture();
    logger.warn('no context');
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'no context' });
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[0]).not.toHaveProperty('tenantId');
  });

  it('drops entries below its level', () => {
    const { logger, lines } = capture('warn');
    logger.log('info');
    logger.debug('debug');
    logger.error('bad');
    expect(lines.map((l) => l.level)).toEqual(['error']);
  });

  it('records an error with its stack', () => {
    const { logger, lines } = capture();
    logger.error(new Error('db down'), 'Repository');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'db down', context: 'Repository' });
    expect((lines[0].err as { stack: string }).stack).toContain('db down');
  });
});
