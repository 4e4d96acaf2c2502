import { ConfigError } from '@baton/platform';
import { sweeperOptionsFromEnv } from './sweeper-config';

describe(sweeperOptionsFromEnv.name, () => {
  it('defaults to a sweep every 5 s in batches of 200', () => {
    expect(sweeperOptionsFromEnv({})).toEqual({ intervalMs: 5000, batchSize: 200 });
  });

  it('reads both settings and allows turning the sweep off', () => {
    expect(sweeperOptionsFromEnv({ INVENTORY_SWEEP_INTERVAL_MS: '0', INVENTORY_SWEEP_BATCH: '50' })).toEqual({
      intervalMs: 0,
      batchSize: 50,
    });
  });

  it('names every bad variable', () => {
    expect(() => sweeperOptionsFromEnv({ INVENTORY_SWEEP_INTERVAL_MS: 'soon', INVENTORY_SWEEP_BATCH: '0' })).toThrow(
      expect.objectContaining({
        constructor: ConfigError,
        problems: [
          { variable: 'INVENTORY_SWEEP_INTERVAL_MS', problem: expect.any(String) },
          { variable: 'INVENTORY_SWEEP_BATCH', problem: expect.any(String) },
        ],
      }),
    );
  });
});
