import { randomUUID } from 'node:crypto';
import { versionOf, type EventEnvelope, type EventMap, type EventType } from '@baton/domain';
import { currentContext, requireTenant } from '@baton/platform';

/**
 * Builds the envelope for a domain event raised in the current unit of work. The tenant comes from
 * the request context (an event without a tenant cannot be created), and the correlation and
 * causation ids link it to the request or event that caused it.
 */
export function createEvent<T extends EventType>(
  type: T,
  aggregate: { type: string; id: string },
  data: EventMap[T],
): EventEnvelope<T> {
  const tenantId = requireTenant();
  const context = currentContext();
  return {
    id: randomUUID(),
    type,
    version: versionOf(type),
    tenantId,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    occurredAt: new Date().toISOString(),
    correlationId: context?.correlationId ?? randomUUID(),
    causationId: context?.causationId ?? null,
    data,
  };
}
