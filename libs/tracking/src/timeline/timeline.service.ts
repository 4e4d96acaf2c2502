import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import { TimelineNotifier } from '../live/timeline-notifier';
import type { LocationFilter } from '../lookup/order-index.repository';
import { TrackingError } from '../tracking.errors';
import { toTimelineEntries } from '../status/order-status.mapper';
import { OrderViewsService } from '../status/order-views.service';

/** The longest a watch waits before answering "nothing new". */
export const MAX_WATCH_WAIT_MS = 30_000;

/**
 * The order timeline, read from the read model: the order's own steps and its parcels' carrier
 * scans, by time. Invariant: it depends only on the set of events recorded — not on how often each
 * arrived nor in which order — so redeliveries and rebuilds end in the same timeline.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly views: OrderViewsService,
    private readonly notifier: TimelineNotifier,
  ) {}

  /** The timeline of an order the caller may see; ORDER_NOT_TRACKED for unknown and foreign orders alike. */
  async getTimeline(orderId: string, locations: LocationFilter = null): Promise<trackingV1.GetTimelineResponse> {
    requireOrderId(orderId);
    const facts = (await this.views.load([orderId], locations)).get(orderId);
    if (!facts) throw new TrackingError('ORDER_NOT_TRACKED', `No tracked order ${orderId}`, { orderId });
    return { orderId, entries: toTimelineEntries(facts) };
  }

  /**
   * Answers as soon as the order has more than `knownEntries` steps, or after `waitMs` with what
   * there is. Woken by the projection's notifications, and re-reads on every wake-up, so a lost
   * notification delays an answer by at most the wait, never loses a step. An order not (yet)
   * recorded, or not the caller's, answers with no steps when the wait is over.
   */
  async watchTimeline(
    orderId: string,
    knownEntries: number,
    waitMs: number,
    locations: LocationFilter = null,
  ): Promise<trackingV1.WatchTimelineResponse> {
    requireOrderId(orderId);
    const tenantId = requireTenant();
    const deadline = Date.now() + Math.min(Math.max(0, waitMs), MAX_WATCH_WAIT_MS);
    for (;;) {
      const facts = (await this.views.load([orderId], locations)).get(orderId);
      const entries = toTimelineEntries(facts);
      const remaining = deadline - Date.now();
      if (entries.length > knownEntries || remaining <= 0) {
        return { orderId, entries, status: facts ? this.views.viewOf(facts).status : '' };
      }
      await this.notifier.waitForChange(tenantId, orderId, remaining);
    }
  }
}

function requireOrderId(orderId: string): void {
  if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
}
