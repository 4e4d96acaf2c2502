import { requireTenant } from '../context/request-context';

/**
 * Adds the current tenant to a query's `where`. Repositories use it on every query, so a query
 * cannot run without a tenant and cannot see another tenant's rows.
 */
export function tenantScope<T extends object>(where: T): T & { tenantId: string } {
  return { ...where, tenantId: requireTenant() };
}
