import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@baton/domain';

/**
 * Who is asking and on whose behalf, carried through one unit of work: an HTTP request, a gRPC
 * call or an event being handled. It travels between processes in gRPC metadata and NATS headers
 * (and the event envelope), so a correlation id follows an order across every service.
 */
export interface RequestContext {
  correlationId: string;
  causationId?: string;
  tenantId?: string;
  partnerId?: string;
  principal?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `ctx` as the current context (and restores the previous one after). */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current context, or undefined outside any unit of work. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current correlation id, or a fresh one when none is active. */
export function correlationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

/**
 * The tenant of the current unit of work. Repositories call this before every query, so a query
 * without a tenant cannot run: tenancy is enforced where the data is, not only at the gateway.
 */
export function requireTenant(): string {
  const tenantId = storage.getStore()?.tenantId;
  if (!tenantId) {
    throw new DomainError('unauthenticated', 'TENANT_REQUIRED', 'No tenant in the request context');
  }
  return tenantId;
}

/** Metadata keys under which the context crosses gRPC and NATS. */
export const CONTEXT_HEADERS = {
  tenantId: 'x-tenant-id',
  partnerId: 'x-partner-id',
  principal: 'x-principal',
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
} as const;
