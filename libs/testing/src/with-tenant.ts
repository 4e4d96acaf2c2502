import { randomUUID } from 'node:crypto';
import { runWithContext } from '@baton/platform';

/** Runs `fn` inside a RequestContext for `tenantId` (fresh correlation id), as a request for that tenant would. */
export function withTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  return runWithContext({ tenantId, correlationId: randomUUID() }, fn);
}
