import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@baton/messaging';
import { DeliveryService } from '../shipping/delivery.service';

/**
 * Carrier scans tracking ingested (`tracking.shipment.scanned.v1`) move Baton's shipments: a scan
 * of a parcel fulfillment shipped is applied once (see DeliveryService.apply); scans of parcels
 * fulfillment does not know are ignored.
 */
@Injectable()
export class ShipmentScannedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly delivery: DeliveryService,
  ) {}

  onModuleInit(): void {
    this.consumers.on('tracking.shipment.scanned.v1', async (envelope, manager) => {
      const scan = envelope.data;
      await this.delivery.apply(
        scan.carrier,
        { trackingNumber: scan.trackingNumber, status: scan.code, occurredAt: new Date(scan.occurredAt), detail: scan.description },
        manager,
      );
    });
  }
}
