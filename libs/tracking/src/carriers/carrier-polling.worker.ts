import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { runWithContext } from '@baton/platform';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import type { TrackingSettings } from '../tracking-settings';
import { CARRIER_INTEGRATIONS, TRACKING_SETTINGS } from '../tracking.tokens';
import { PollingLoop } from '../workers/polling-loop';
import type { CarrierIntegrations, CarrierTrackingPoller } from './carrier-integrations';
import { CarrierIngestService } from './carrier-ingest.service';

/** Parcels asked about per poller call. */
const PARCELS_PER_CALL = 100;
/** Parcels shipped longer ago than this are no longer polled. */
const POLL_WINDOW_DAYS = 60;

/**
 * Asks every carrier without webhooks for the scans of its open parcels (shipped, not yet
 * delivered) and records them like webhook scans. A delivered scan closes the parcel, so it drops
 * out of the next round. Several replicas may poll at once: each scan is still taken only once.
 */
@Injectable()
export class CarrierPollingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop?: PollingLoop;

  constructor(
    private readonly shipments: ShipmentsRepository,
    private readonly ingest: CarrierIngestService,
    @Inject(CARRIER_INTEGRATIONS) private readonly integrations: CarrierIntegrations,
    @Inject(TRACKING_SETTINGS) settings: TrackingSettings,
  ) {
    if ((integrations.pollers ?? []).length > 0 && settings.carrierPollIntervalMs > 0) {
      this.loop = new PollingLoop(CarrierPollingWorker.name, settings.carrierPollIntervalMs, async () => {
        await this.pollAll();
      });
    }
  }

  onApplicationBootstrap(): void {
    this.loop?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** One round over every poller; returns the number of new scans recorded. */
  async pollAll(): Promise<number> {
    let recorded = 0;
    for (const poller of this.integrations.pollers ?? []) recorded += await this.pollCarrier(poller);
    return recorded;
  }

  private async pollCarrier(poller: CarrierTrackingPoller): Promise<number> {
    const parcels = await this.shipments.openParcels(poller.carrier, POLL_WINDOW_DAYS, 10_000);
    const byTenant = new Map<string, string[]>();
    for (const parcel of parcels) byTenant.set(parcel.tenantId, [...(byTenant.get(parcel.tenantId) ?? []), parcel.trackingNumber]);
    let recorded = 0;
    for (const [tenantId, trackingNumbers] of byTenant) {
      for (let start = 0; start < trackingNumbers.length; start += PARCELS_PER_CALL) {
        const asked = new Set(trackingNumbers.slice(start, start + PARCELS_PER_CALL));
        const scans = (await poller.poll([...asked])).filter((scan) => asked.has(scan.trackingNumber));
        if (scans.length === 0) continue;
        const outcome = await runWithContext({ tenantId, correlationId: randomUUID() }, () =>
          this.ingest.record(poller.carrier, scans, 'poll'),
        );
        recorded += outcome.accepted;
      }
    }
    return recorded;
  }
}
