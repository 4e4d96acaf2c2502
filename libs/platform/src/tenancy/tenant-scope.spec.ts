import { DomainError } from '@baton/domain';
import { runWithContext } from '../context/request-context';
import { tenantScope } from './tenant-scope';

describe(tenantScope.name, () => {
  it('adds the current tenant to the query', () => {
    const where = runWithContext({ correlationId: 'c', tenantId: 't1' }, () => tenantScope({ sku: 'A' }));
    expect(where).toEqual({ sku: 'A', tenantId: 't1' });
  });

  it('overrides a tenant smuggled into the query', () => {
    const where = runWithContext({ correlationId: 'c', tenantId: 't1' }, () => tenantScope({ tenantId: 't2' }));
    expect(where.tenantId).toBe('t1');
  });

  it('refuses to build a query without a tenant', () => {
    const outside = () => tenantScope({ sku: 'A' });
    const noTenant = () => runWithContext({ correlationId: 'c' }, outside);
    for (const attempt of [outside, noTenant]) {
      expect(attempt).toThrow(DomainError);
      expect(attempt).toThrow(expect.objectContaining({ kind: 'unauthenticated', code: 'TENANT_REQUIRED' }));
    }
  });
});
