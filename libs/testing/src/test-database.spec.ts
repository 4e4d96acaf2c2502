import { testDatabaseName, testPostgresUrl, withDatabase } from './test-database';

describe(testDatabaseName.name, () => {
  it('keeps only lower-case letters, digits and single underscores', () => {
    expect(testDatabaseName('Orders Service/Int-Spec!!', 'abc123')).toBe('t_orders_service_int_spec_abc123');
  });

  it('falls back to "db" when nothing usable is left of the prefix', () => {
    expect(testDatabaseName('***', 'abc123')).toBe('t_db_abc123');
  });

  it('stays within the 63-byte Postgres identifier limit without a trailing underscore before the suffix', () => {
    const name = testDatabaseName(`${'a'.repeat(49)}_${'b'.repeat(40)}`, '0123456789');
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^t_a+_0123456789$/);
  });

  it('makes a different name on every call', () => {
    expect(testDatabaseName('orders')).not.toBe(testDatabaseName('orders'));
  });
});

describe(withDatabase.name, () => {
  it('replaces only the database of a URL', () => {
    expect(withDatabase('postgres://u:p@127.0.0.1:5433/postgres?sslmode=disable', 't_x_1')).toBe(
      'postgres://u:p@127.0.0.1:5433/t_x_1?sslmode=disable',
    );
  });
});

describe(testPostgresUrl.name, () => {
  it('prefers what the global setup found over TEST_DATABASE_URL', () => {
    expect(testPostgresUrl({ BATON_TEST_PG_URL: 'postgres://a/x', TEST_DATABASE_URL: 'postgres://b/y' })).toBe(
      'postgres://a/x',
    );
    expect(testPostgresUrl({ TEST_DATABASE_URL: 'postgres://b/y' })).toBe('postgres://b/y');
  });
});
