import { currentContext, requireTenant } from '@baton/platform';
import { withTenant } from './with-tenant';

describe(withTenant.name, () => {
  it('runs the function as the given tenant, with a correlation id, and leaves no context behind', async () => {
    const seen = await withTenant('tenant-a', async () => ({ tenant: requireTenant(), ctx: currentContext() }));
    expect(seen.tenant).toBe('tenant-a');
    expect(seen.ctx?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentContext()).toBeUndefined();
  });
});
