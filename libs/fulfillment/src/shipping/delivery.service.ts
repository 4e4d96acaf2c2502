import { Inject, Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import type { EntityManager } from 'typeorm';
import type { TrackingUpdate } from '../carriers/carrier';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { FulfillmentWorkflow, lineQuantities, type WorkflowTx } from '../fulfillment/fulfillment-workflow';
import { assertFulfillmentTransition } from '../fulfillment/fulfillment-state-machine';
import { toShipmentContract } from '../fulfillment/fulfillment.mapper';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import { FulfillmentsRepository, type FulfillmentWithLines } from '../fulfillment/fulfillments.repository';
import { LegDependencies } from '../fulfillment/leg-dependencies.service';
import type { ShipmentEntity } from './shipment.entity';
import { ShipmentsRepository } from './shipments.repository';

/**
 * What happens to shipped goods: carriers' tracking updates (ingested directly or from tracking's
 * `tracking.shipment.scanned.v1`), each applied once per (shipment, status, time); delivery when
 * every shipment of a fulfilment is delivered; a transfer leg's receipt confirmed by the receiving
 * location, which activates the ship-to-store pickup waiting for it; and the labels.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly repository: FulfillmentsRepository,
    private readonly shipments: ShipmentsRepository,
    @Inject(CarrierRegistry) private readonly carriers: CarrierRegistry,
    private readonly dependencies: LegDependencies,
  ) {}

  /** The label of a shipment as PDF (default) or ZPL. */
  async label(request: fulfillmentV1.GetShipmentLabelRequest): Promise<fulfillmentV1.GetShipmentLabelResponse> {
    const format = request.format || 'pdf';
    if (format !== 'pdf' && format !== 'zpl') throw new ValidationError([{ field: 'format', message: 'format must be pdf or zpl' }]);
    const found = request.shipmentId ? await this.shipments.findLabel(request.shipmentId) : undefined;
    if (!found) throw new FulfillmentError('SHIPMENT_NOT_FOUND', `No shipment ${request.shipmentId}`, { shipmentId: request.shipmentId });
    const name = `label-${found.shipment.trackingNumber}.${format}`;
    const fulfillmentId = found.shipment.fulfillmentId;
    return format === 'pdf'
      ? { content: found.pdf, contentType: 'application/pdf', filename: name, fulfillmentId }
      : { content: Buffer.from(found.zpl, 'utf8'), contentType: 'application/zpl', filename: name, fulfillmentId };
  }

  /** The destination location confirms a transfer leg arrived. */
  async confirmReceipt(fulfillmentId: string): Promise<FulfillmentWithLines> {
    return this.workflow.onFulfillment(fulfillmentId, async (work, tx) => {
      if (work.fulfillment.legType !== 'transfer') {
        throw new FulfillmentError('ILLEGAL_TRANSITION', 'Only a transfer leg is received by a location; a shipment to a customer is delivered by its carrier', {
          from: work.fulfillment.status,
          to: 'delivered',
          reason: 'WRONG_LEG',
        });
      }
      const shipments = await this.shipments.findByFulfillments([work.fulfillment.id], tx.manager);
      for (const shipment of shipments) {
        if (shipment.status !== 'delivered') await this.shipments.updateStatus(tx.manager, shipment, 'delivered');
      }
      await this.deliver(tx, work, shipments[shipments.length - 1]?.id ?? '', this.workflow.now(), 'received at the destination location');
      return work;
    });
  }

  /** A carrier's update in its own format, for a shipment of this tenant. */
  async ingest(request: fulfillmentV1.IngestTrackingUpdateRequest): Promise<fulfillmentV1.IngestTrackingUpdateResponse> {
    const carrier = this.carriers.get(request.carrierId);
    let update: TrackingUpdate;
    try {
      update = carrier.parseTrackingUpdate({
        trackingNumber: request.trackingNumber,
        status: request.status,
        occurredAt: request.occurredAt,
        detail: request.detail,
      });
    } catch (error) {
      throw new ValidationError([{ field: 'update', message: error instanceof Error ? error.message : String(error) }]);
    }
    const outcome = await this.apply(request.carrierId, update);
    if (!outcome) {
      throw new FulfillmentError('SHIPMENT_NOT_FOUND', `No shipment ${request.trackingNumber} of ${request.carrierId}`, {
        carrierId: request.carrierId,
        trackingNumber: request.trackingNumber,
      });
    }
    return { shipment: toShipmentContract(outcome.shipment), applied: outcome.applied };
  }

  /**
   * Applies one tracking update, once: a repeat of the same (status, time) changes nothing. The
   * shipment takes the new status (never leaving `delivered`); when the last shipment of a shipped
   * fulfilment is delivered, the fulfilment is. Undefined when no shipment has that number.
   */
  async apply(
    carrierId: string,
    update: TrackingUpdate,
    manager?: EntityManager,
  ): Promise<{ shipment: ShipmentEntity; applied: boolean } | undefined> {
    return this.workflow.inTransaction(async (tx) => {
      const found = await this.shipments.findByTracking(carrierId, update.trackingNumber, tx.manager);
      if (!found) return undefined;
      const work = await this.repository.lockOne(tx.manager, found.fulfillmentId);
      const shipment = await this.shipments.findByTracking(carrierId, update.trackingNumber, tx.manager);
      if (!work || !shipment) return undefined;
      if (!(await this.shipments.recordTrackingEvent(tx.manager, shipment.id, update))) return { shipment, applied: false };
      if (shipment.status !== 'delivered') await this.shipments.updateStatus(tx.manager, shipment, update.status);
      const f = work.fulfillment;
      await tx.emit(
        createEvent(
          'fulfillment.shipment.tracking-updated.v1',
          { type: 'fulfillment', id: f.id },
          {
            shipmentId: shipment.id,
            fulfillmentId: f.id,
            orderId: f.orderId,
            carrier: carrierId,
            trackingNumber: shipment.trackingNumber,
            status: update.status,
            occurredAt: update.occurredAt.toISOString(),
            detail: update.detail,
          },
        ),
      );
      if (update.status === 'delivered' && f.status === 'shipped') {
        const all = await this.shipments.findByFulfillments([f.id], tx.manager);
        if (all.every((s) => s.status === 'delivered')) await this.deliver(tx, work, shipment.id, update.occurredAt, `delivered by ${carrierId}`);
      }
      return { shipment, applied: true };
    }, manager);
  }

  private async deliver(tx: WorkflowTx, work: FulfillmentWithLines, shipmentId: string, deliveredAt: Date, reason: string): Promise<void> {
    const f = work.fulfillment;
    assertFulfillmentTransition(f.status, 'delivered', f.legType);
    await tx.move(work, 'delivered', reason);
    await tx.emit(
      createEvent(
        'fulfillment.fulfillment.delivered.v1',
        { type: 'fulfillment', id: f.id },
        {
          fulfillmentId: f.id,
          orderId: f.orderId,
          locationId: f.locationId,
          shipmentId,
          deliveredAt: deliveredAt.toISOString(),
          lines: lineQuantities(work, (line) => line.pickedQuantity),
          legType: f.legType,
          ...(f.destinationLocationId ? { destinationLocationId: f.destinationLocationId } : {}),
        },
      ),
    );
    if (f.legType === 'transfer') await this.dependencies.activateAfter(tx, work, this.workflow.now());
  }
}
