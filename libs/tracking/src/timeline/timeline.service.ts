import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError, type EventEnvelope } from '@baton/domain';
import { projectTimelineEntry } from './timeline-projection';
import { TimelineRepository } from './timeline.repository';

/**
 * The order timeline, a read model built only from events. Invariant: the timeline of an order
 * depends only on the set of events seen — not on how often each arrived nor in which order —
 * so redeliveries and rebuilds end in the same state.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly repository: TimelineRepository) {}

  /** Adds the event to its order's timeline (in the caller's transaction); events about no order are ignored. */
  async record(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const entry = projectTimelineEntry(envelope);
    if (entry) await this.repository.record(manager, entry);
  }

  async getTimeline(orderId: string): Promise<trackingV1.GetTimelineResponse> {
    if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
    const entries = await this.repository.findByOrder(orderId);
    return {
      orderId,
      entries: entries.map((entry) => ({
        eventId: entry.eventId,
        type: entry.type,
        service: entry.service,
        occurredAt: entry.occurredAt.toISOString(),
        summary: entry.summary,
        locationId: entry.locationId ?? '',
        correlationId: entry.correlationId,
      })),
    };
  }
}
