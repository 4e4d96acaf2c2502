import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@baton/domain';

/**
 * Handles one event inside the consumer's transaction: whatever it writes with `manager` (state,
 * outbox rows) commits together with the inbox row that marks the event as handled.
 */
export type EventHandler<T extends EventType = EventType> = (
  envelope: EventEnvelope<T>,
  manager: EntityManager,
) => Promise<void>;

/** How an event delivery ended for a consumer. */
export type InboxOutcome = 'applied' | 'duplicate';
