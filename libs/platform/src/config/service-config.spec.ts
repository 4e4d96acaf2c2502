import { ConfigError } from './config-error';
import { loadServiceConfig } from './service-config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/baton_orders' };

function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadServiceConfig.name, () => {
  it('applies the documented defaults for a known service', () => {
    const config = loadServiceConfig('orders', BASE);
    expect(config).toEqual({
      service: 'orders',
      databaseUrl: BASE.DATABASE_URL,
      natsUrl: undefined,
      natsStreamPrefix: 'BATON',
      httpHost: '0.0.0.0',
      httpPort: 3002,
      grpcUrl: '0.0.0.0:50052',
      logLevel: 'info',
      grpcTimeoutMs: 5000,
      shutdownTimeoutMs: 10000,
      peers: {
        inventory: '127.0.0.1:50051',
        orders: '127.0.0.1:50052',
        fulfillment: '127.0.0.1:50053',
        returns: '127.0.0.1:50054',
        tracking: '127.0.0.1:50055',
      },
    });
  });

  it('names every bad variable in one error', () => {
    const error = configErrorOf(() => loadServiceConfig('orders', { HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' }));
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).toContain('HTTP_PORT');
    expect(error.message).toContain('"eighty"');
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL']);
  });

  it('refuses ports out of range and malformed addresses, naming the variable that was read', () => {
    const error = configErrorOf(() =>
      loadServiceConfig('orders', { ...BASE, ORDERS_HTTP_PORT: '70000', INVENTORY_GRPC_URL: 'inventory', NATS_URL: 'http://x' }),
    );
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['INVENTORY_GRPC_URL', 'NATS_URL', 'ORDERS_HTTP_PORT']);
  });

  it('binds gRPC at GRPC_URL, never at the address callers use for the service', () => {
    const config = loadServiceConfig('orders', {
      ...BASE,
      GRPC_URL: '0.0.0.0:50052',
      ORDERS_GRPC_URL: 'orders.baton.svc.cluster.local:50052',
    });
    expect(config.grpcUrl).toBe('0.0.0.0:50052');
    expect(config.peers.orders).toBe('orders.baton.svc.cluster.local:50052');
  });

  it('lets the per-service variable win over the shared one', () => {
    const config = loadServiceConfig('orders', {
      DATABASE_URL: 'postgres://shared/db',
      ORDERS_DATABASE_URL: 'postgres://own/orders',
      HTTP_PORT: '8080',
      ORDERS_HTTP_PORT: '9090',
    });
    expect(config.databaseUrl).toBe('postgres://own/orders');
    expect(config.httpPort).toBe(9090);
  });

  it('uses the shared variables when no per-service one is set', () => {
    const config = loadServiceConfig('inventory', {
      DATABASE_URL: 'postgres://shared/db',
      HTTP_PORT: '0',
      GRPC_URL: '127.0.0.1:6000',
      NATS_URL: 'nats://127.0.0.1:4222',
      LOG_LEVEL: 'debug',
      GRPC_TIMEOUT_MS: '250',
      SHUTDOWN_TIMEOUT_MS: '2000',
      ORDERS_GRPC_URL: 'orders.baton.svc:50052',
    });
    expect(config).toMatchObject({
      httpPort: 0,
      grpcUrl: '127.0.0.1:6000',
      natsUrl: 'nats://127.0.0.1:4222',
      logLevel: 'debug',
      grpcTimeoutMs: 250,
      shutdownTimeoutMs: 2000,
    });
    expect(config.peers.orders).toBe('orders.baton.svc:50052');
  });

  it('requires an HTTP port for a service without a default', () => {
    const error = configErrorOf(() => loadServiceConfig('billing', BASE));
    expect(error.problems).toEqual([{ variable: 'HTTP_PORT', problem: 'is required' }]);
  });
});
