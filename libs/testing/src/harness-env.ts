import path from 'node:path';

/** Environment variables through which the jest global setup hands its findings to the test workers. */
export const HARNESS_ENV = {
  postgresUrl: 'BATON_TEST_PG_URL',
  natsUrl: 'BATON_TEST_NATS_URL',
} as const;

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The repository root (libs/testing/src → ../../..), where tmp/ lives. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** True when running under CI, where a missing dependency must fail the run rather than skip suites. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}
