export { createTestDatabase, dropTestDatabase, testDatabaseName, testPostgresUrl, withDatabase } from './test-database';
export { describeWithNats, testNatsUrl } from './nats-suite';
export { withTenant } from './with-tenant';
export { waitFor, type WaitForOptions } from './wait-for';
export { freePort } from './free-port';
export {
  startServiceProcess,
  type ProcessExit,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './service-process';
export { HARNESS_ENV, isCi } from './harness-env';
