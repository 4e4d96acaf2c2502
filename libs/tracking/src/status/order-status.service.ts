import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import type { LocationFilter } from '../lookup/order-index.repository';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { TrackingError } from '../tracking.errors';
import { toOrderStatus, toPublicTrack } from './order-status.mapper';
import { OrderViewsService } from './order-views.service';

/**
 * Where an order or a parcel stands, in the customer-facing vocabulary, derived on every read from
 * the recorded events and scans of the current tenant.
 */
@Injectable()
export class OrderStatusService {
  constructor(
    private readonly views: OrderViewsService,
    private readonly shipments: ShipmentsRepository,
  ) {}

  /** The status of an order the caller may see; ORDER_NOT_TRACKED for unknown and foreign orders alike. */
  async getOrderStatus(orderId: string, locations: LocationFilter = null): Promise<trackingV1.GetOrderStatusResponse> {
    if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
    const facts = (await this.views.load([orderId], locations)).get(orderId);
    if (!facts) throw new TrackingError('ORDER_NOT_TRACKED', `No tracked order ${orderId}`, { orderId });
    return { order: toOrderStatus(orderId, this.views.viewOf(facts)) };
  }

  /** The public status of one parcel; unknown and foreign tracking numbers answer alike (404). */
  async trackShipment(trackingNumber: string): Promise<trackingV1.TrackShipmentResponse> {
    if (!trackingNumber) throw new ValidationError([{ field: 'trackingNumber', message: 'is required' }]);
    const [known] = await this.shipments.findByTrackingNumber(trackingNumber);
    const notFound = new TrackingError('TRACKING_NUMBER_NOT_FOUND', `No parcel with tracking number ${trackingNumber}`);
    if (!known) throw notFound;
    const facts = (await this.views.load([known.orderId])).get(known.orderId);
    const view = facts ? this.views.viewOf(facts) : undefined;
    const shipment = view?.shipments.find((s) => s.shipmentId === known.shipmentId);
    if (!view || !shipment) throw notFound;
    return toPublicTrack(shipment, view);
  }
}
