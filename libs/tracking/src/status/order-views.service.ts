import { Inject, Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { type LocationFilter, OrderIndexRepository } from '../lookup/order-index.repository';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { TimelineRepository } from '../timeline/timeline.repository';
import type { TrackingSettings } from '../tracking-settings';
import { TRACKING_SETTINGS } from '../tracking.tokens';
import type { RecordedEvent, RecordedScan } from './order-milestones';
import { type OrderView, buildOrderView } from './order-view';

/** What the read model holds about one order: its events and the scans of its parcels. */
export interface OrderFacts {
  orderId: string;
  events: Array<RecordedEvent & { service: string; summary: string; locationId: string | null; correlationId: string }>;
  scans: RecordedScan[];
}

/**
 * Loads orders' facts from the read model (current tenant only) and derives their views. Status is
 * derived on read, not stored: it depends on the clock (a promise passes without any event), and
 * deriving it from the stored facts keeps it identical however the facts arrived.
 */
@Injectable()
export class OrderViewsService {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly shipments: ShipmentsRepository,
    private readonly index: OrderIndexRepository,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  /**
   * Facts per order id, for each order that has any and that the caller may see: with a location
   * filter (a partner-bound caller), only orders touching one of those locations — a foreign order
   * is left out exactly like one that does not exist.
   */
  async load(requested: string[], locations: LocationFilter = null): Promise<Map<string, OrderFacts>> {
    const orderIds = locations === null ? requested : [...(await this.index.visible(requested, locations))];
    const [entries, shipments] = await Promise.all([this.timeline.findByOrders(orderIds), this.shipments.findByOrders(orderIds)]);
    const scans = await this.shipments.scansOf(shipments);
    const facts = new Map<string, OrderFacts>();
    const of = (orderId: string): OrderFacts => {
      let found = facts.get(orderId);
      if (!found) {
        found = { orderId, events: [], scans: [] };
        facts.set(orderId, found);
      }
      return found;
    };
    for (const entry of entries) {
      of(entry.orderId).events.push({
        eventId: entry.eventId,
        type: entry.type,
        occurredAt: entry.occurredAt.toISOString(),
        data: entry.data,
        service: entry.service,
        summary: entry.summary,
        locationId: entry.locationId,
        correlationId: entry.correlationId,
      });
    }
    for (const shipment of shipments) {
      const parcelScans = scans.filter(
        (scan) => scan.carrier.toLowerCase() === shipment.carrier.toLowerCase() && scan.trackingNumber === shipment.trackingNumber,
      );
      const target = of(shipment.orderId);
      for (const scan of parcelScans) if (!target.scans.some((s) => s.eventId === scan.eventId)) target.scans.push(scan);
    }
    return facts;
  }

  /** The location filter a request's scope asks for. */
  static filterOf(scope: trackingV1.LocationScope | undefined): LocationFilter {
    return scope ? [...scope.locationIds] : null;
  }

  /** The view of facts as of now. */
  viewOf(facts: OrderFacts, now = new Date()): OrderView {
    return buildOrderView(facts.events, facts.scans, now, { atRiskWindowMs: this.settings.atRiskWindowMs });
  }
}
