import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { TimelineNotifier } from '../live/timeline-notifier';
import { OrderIndexRepository } from '../lookup/order-index.repository';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { projectTimelineEntry } from '../timeline/timeline-projection';
import { TimelineRepository } from '../timeline/timeline.repository';
import { EventLogRepository } from './event-log.repository';
import { projectOrderIndex, projectScan, projectShipments } from './read-model-drafts';

/**
 * Writes one event into every table of the read model, in the caller's transaction. Invariant: the
 * read model is a function of the set of events applied — every write is keyed by event id or
 * merges commutatively — so live consumption, redeliveries, shuffled arrival and a rebuild from the
 * streams all end in the same rows. Webhook deliveries are not part of it (see the consumer).
 */
@Injectable()
export class ReadModelProjector {
  constructor(
    private readonly eventLog: EventLogRepository,
    private readonly timeline: TimelineRepository,
    private readonly orderIndex: OrderIndexRepository,
    private readonly shipments: ShipmentsRepository,
    private readonly notifier: TimelineNotifier,
  ) {}

  /** Applies the event; returns the orders whose timeline it changed (watchers of those are woken). */
  async apply(manager: EntityManager, envelope: EventEnvelope): Promise<string[]> {
    await this.eventLog.record(manager, envelope);
    let orderIds: string[] = [];
    const scan = projectScan(envelope);
    if (scan) {
      await this.shipments.recordScan(manager, scan);
      orderIds = await this.shipments.orderIdsOfParcel(manager, envelope.tenantId, scan.carrier, scan.trackingNumber);
    }
    const entry = projectTimelineEntry(envelope);
    if (entry) {
      await this.timeline.record(manager, entry);
      orderIds = [entry.orderId];
    }
    const index = projectOrderIndex(envelope);
    if (index) await this.orderIndex.record(manager, index);
    for (const shipment of projectShipments(envelope)) await this.shipments.recordShipment(manager, shipment);
    await this.notifier.notify(manager, envelope.tenantId, orderIds);
    return orderIds;
  }
}
