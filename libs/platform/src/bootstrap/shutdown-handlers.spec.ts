import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import type { RunningService } from './running-service';
import { installShutdownHandlers } from './shutdown-handlers';

function fakeService(service: string, close: () => Promise<void>, shutdownTimeoutMs = 5000): RunningService {
  return {
    app: {} as INestApplication,
    service,
    config: { shutdownTimeoutMs } as ServiceConfig,
    httpUrl: 'http://127.0.0.1:1',
    grpcUrl: undefined,
    close,
  };
}

describe(installShutdownHandlers.name, () => {
  const logger = new JsonLogger('test', 'error', () => undefined);
  let exit: jest.SpyInstance;
  let uninstall: (() => void) | undefined;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as () => never);
  });

  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
    exit.mockRestore();
    jest.useRealTimers();
  });

  const exited = (): Promise<void> =>
    new Promise((resolve) => {
      const poll = (): void => {
        if (exit.mock.calls.length > 0) resolve();
        else setImmediate(poll);
      };
      poll();
    });

  it('closes every service once, then runs the cleanup, then exits 0', async () => {
    const order: string[] = [];
    const a = jest.fn(async () => void order.push('a'));
    const b = jest.fn(async () => void order.push('b'));
    uninstall = installShutdownHandlers([fakeService('a', a), fakeService('b', b)], logger, async () => void order.push('cleanup'));
    process.emit('SIGTERM');
    process.emit('SIGINT');
    await exited();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(order.slice(-1)).toEqual(['cleanup']);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 when a service fails to close', async () => {
    uninstall = installShutdownHandlers(
      [fakeService('a', async () => Promise.reject(new Error('pool stuck'))), fakeService('b', async () => undefined)],
      logger,
    );
    process.emit('SIGTERM');
    await exited();
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('forces the exit when closing takes longer than the shutdown timeout', async () => {
    jest.useFakeTimers();
    uninstall = installShutdownHandlers([fakeService('stuck', () => new Promise<void>(() => undefined), 2000)], logger);
    process.emit('SIGTERM');
    jest.advanceTimersByTime(1999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
