import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { TrackingError } from '../tracking.errors';
import { CARRIER_INTEGRATIONS } from '../tracking.tokens';
import type { CarrierIntegrations, CarrierWebhookAdapter } from './carrier-integrations';
import { type CarrierScan, scanIdOf } from './carrier-scan';
import { CarrierTrackingRepository } from './carrier-tracking.repository';
import { GenericCarrierWebhookAdapter } from './generic-carrier-webhook.adapter';

const CARRIER_CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const MIN_SECRET_LENGTH = 24;

function requireCarrier(carrier: string): void {
  if (!CARRIER_CODE.test(carrier)) {
    throw new ValidationError([{ field: 'carrier', message: 'must be a lowercase carrier code such as dhl or postnl' }]);
  }
}

/**
 * Takes carrier scans in — from signed webhooks or from pollers — and turns each new one into a
 * `tracking.shipment.scanned.v1` event through the outbox. Invariant: a scan becomes exactly one
 * event, however often the carrier sends it (a receipt per scan commits with its outbox row); the
 * read model then places it on the timeline of whichever order ships that parcel, whenever that
 * becomes known.
 */
@Injectable()
export class CarrierIngestService {
  private readonly generic = new GenericCarrierWebhookAdapter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly carriers: CarrierTrackingRepository,
    private readonly shipments: ShipmentsRepository,
    @Inject(CARRIER_INTEGRATIONS) private readonly integrations: CarrierIntegrations,
  ) {}

  async configure(request: trackingV1.ConfigureCarrierTrackingRequest): Promise<trackingV1.ConfigureCarrierTrackingResponse> {
    requireCarrier(request.carrier);
    if (request.secret.length < MIN_SECRET_LENGTH || request.secret.length > 200) {
      throw new ValidationError([{ field: 'secret', message: `must be ${MIN_SECRET_LENGTH}-200 characters` }]);
    }
    const updatedAt = await this.carriers.saveSecret(request.carrier, request.secret);
    return { carrier: request.carrier, updatedAt: updatedAt.toISOString() };
  }

  /** A carrier's webhook: refused unless signed with the tenant's secret for that carrier. */
  async ingestWebhook(request: trackingV1.IngestCarrierTrackingRequest): Promise<trackingV1.IngestCarrierTrackingResponse> {
    requireCarrier(request.carrier);
    const secret = await this.carriers.secretOf(request.carrier);
    if (!secret) {
      throw new TrackingError('CARRIER_NOT_CONFIGURED', `Tracking webhooks of ${request.carrier} are not configured for this tenant`);
    }
    const adapter: CarrierWebhookAdapter = this.integrations.webhookAdapters?.[request.carrier] ?? this.generic;
    const webhook = { headers: request.headers, body: Buffer.from(request.body) };
    const now = new Date();
    adapter.verify(webhook, secret, now);
    return this.record(request.carrier, adapter.parse(webhook, now), 'webhook');
  }

  /** Records scans of the current tenant as events, each once; returns how many were new. */
  async record(carrier: string, scans: CarrierScan[], source: 'webhook' | 'poll'): Promise<trackingV1.IngestCarrierTrackingResponse> {
    const tenantId = requireTenant();
    let accepted = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const scan of scans) {
        const orderIds = await this.shipments.orderIdsOfParcel(manager, tenantId, carrier, scan.trackingNumber);
        const scanId = scanIdOf(scan);
        const event = {
          ...createEvent(
            'tracking.shipment.scanned.v1',
            { type: 'shipment', id: `${carrier}:${scan.trackingNumber}` },
            {
              scanId,
              carrier,
              trackingNumber: scan.trackingNumber,
              code: scan.code,
              description: scan.description,
              place: scan.place,
              occurredAt: scan.occurredAt,
              ...(scan.estimatedDeliveryAt ? { estimatedDeliveryAt: scan.estimatedDeliveryAt } : {}),
              source,
              ...(orderIds.length === 1 ? { orderId: orderIds[0] } : {}),
            },
          ),
          occurredAt: scan.occurredAt,
        };
        if (!(await this.carriers.recordReceipt(manager, carrier, scan.trackingNumber, scanId, event.id))) continue;
        await this.outbox.append(manager, event);
        accepted += 1;
      }
    });
    if (accepted > 0) this.outbox.notify();
    return { accepted, duplicates: scans.length - accepted };
  }
}
