import { Inject, Injectable, Logger } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError, type AddressData } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { CapacityService } from '../capacity/capacity.service';
import type { CarrierQuote, RatingAddress } from '../carriers/carrier';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { CARRIER_STRATEGIES, selectQuote, type CarrierStrategy } from '../carriers/carrier-selection';
import { ratingAddressOf } from '../carriers/carriers.service';
import { FulfillmentWorkflow, lineQuantities } from '../fulfillment/fulfillment-workflow';
import { assertFulfillmentTransition } from '../fulfillment/fulfillment-state-machine';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import { FulfillmentsRepository, type FulfillmentWithLines } from '../fulfillment/fulfillments.repository';
import { FulfillmentsService } from '../fulfillment/fulfillments.service';
import { methodProfile } from '../fulfillment/placed-order';
import type { FulfillmentPackageEntity } from '../packing/fulfillment-package.entity';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import { carrierStrategyOf } from '../policy/fulfillment-policy';
import { ShipmentEntity } from './shipment.entity';
import { buyLabels, cancelLabels, type LabelPurchase } from './buy-labels';

/**
 * Ships packed work: per package, the carrier service is chosen by the strategy (cheapest,
 * fastest, best insurance for the package's value — or the one the store names) among the quotes
 * that can honour the delivery (same-day, window), a label is bought, and then — in one
 * transaction — the shipments are stored, the fulfilment becomes `shipped` and
 * `fulfillment.fulfillment.shipped.v1` names exactly the shipped quantities at the location.
 * Labels are bought before that transaction (no lock is held during carrier calls); if a later
 * label or the commit fails, the labels already bought are cancelled (the saga's compensation).
 */
@Injectable()
export class ShippingService {
  private readonly logger = new Logger(ShippingService.name);

  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly repository: FulfillmentsRepository,
    private readonly fulfillments: FulfillmentsService,
    @Inject(CarrierRegistry) private readonly carriers: CarrierRegistry,
    private readonly capacity: CapacityService,
    private readonly policies: FulfillmentPoliciesService,
  ) {}

  async ship(request: fulfillmentV1.ShipFulfillmentRequest): Promise<fulfillmentV1.Fulfillment> {
    const strategyName = request.strategy ? carrierStrategyOf(request.strategy) : undefined;
    if (request.strategy && !strategyName) {
      throw new ValidationError([{ field: 'strategy', message: `strategy must be one of ${CARRIER_STRATEGIES.join(', ')}` }]);
    }
    if (request.serviceCode && !request.carrierId) {
      throw new ValidationError([{ field: 'carrierId', message: 'carrierId is required with serviceCode' }]);
    }
    if (request.carrierId) this.carriers.get(request.carrierId);
    const work = await this.repository.findOne(request.fulfillmentId);
    if (!work) {
      throw new FulfillmentError('FULFILLMENT_NOT_FOUND', `No fulfilment order ${request.fulfillmentId}`, { fulfillmentId: request.fulfillmentId });
    }
    assertFulfillmentTransition(work.fulfillment.status, 'shipped', work.fulfillment.legType);
    const packages = await this.repository.findPackages([work.fulfillment.id]);
    const strategy = strategyName ?? carrierStrategyOf(work.fulfillment.carrierStrategy) ?? (await this.policies.current()).defaultCarrierStrategy;
    const destination = await this.destinationOf(work);
    const originSettings = await this.capacity.settings(work.fulfillment.locationId);
    const origin = originSettings?.address ?? undefined;
    const purchases: LabelPurchase[] = [];
    for (const pkg of packages) {
      const quote = await this.chooseService(work, pkg, origin ? ratingAddressOf(origin) : undefined, destination, strategy, request);
      purchases.push({ pkg, quote });
    }
    const bought = await buyLabels(this.carriers, work, purchases, { locationId: work.fulfillment.locationId, address: origin }, destination, (label, error) =>
      this.logger.error(`Could not cancel label ${label} while compensating: ${String(error)}`),
    );
    try {
      const shipped = await this.workflow.onFulfillment(work.fulfillment.id, async (locked, tx) => {
        const f = locked.fulfillment;
        assertFulfillmentTransition(f.status, 'shipped', f.legType);
        const now = this.workflow.now();
        const shipments = bought.map(({ pkg, quote, label, shipmentId }) =>
          Object.assign(new ShipmentEntity(), {
            id: shipmentId,
            tenantId: f.tenantId,
            fulfillmentId: f.id,
            packageId: pkg.id,
            carrierId: quote.carrierId,
            serviceCode: quote.serviceCode,
            trackingNumber: label.trackingNumber,
            status: 'label_created',
            priceMinor: quote.priceMinor,
            currency: quote.currency,
            insuredValueMinor: Math.min(pkg.valueMinor, quote.insuredValueLimitMinor),
            estimatedDeliveryAt: quote.estimatedDeliveryAt,
            labelPdf: label.labelPdf,
            labelZpl: label.labelZpl,
            createdAt: now,
            updatedAt: now,
          } satisfies ShipmentEntity),
        );
        await tx.manager.insert(ShipmentEntity, shipments);
        await tx.move(locked, 'shipped', shipments.map((s) => `${s.carrierId}:${s.serviceCode} ${s.trackingNumber}`).join(', '));
        await tx.emit(
          createEvent(
            'fulfillment.fulfillment.shipped.v1',
            { type: 'fulfillment', id: f.id },
            {
              fulfillmentId: f.id,
              orderId: f.orderId,
              locationId: f.locationId,
              lines: lineQuantities(locked, (line) => line.pickedQuantity),
              shipments: shipments.map((s) => ({ shipmentId: s.id, carrier: s.carrierId, service: s.serviceCode, trackingNumber: s.trackingNumber })),
              legType: f.legType,
              deliveryMethod: f.deliveryMethod,
              ...(f.destinationLocationId ? { destinationLocationId: f.destinationLocationId } : {}),
            },
          ),
        );
        return locked;
      });
      return this.fulfillments.view(shipped);
    } catch (error) {
      await cancelLabels(this.carriers, bought, (label, cancelError) =>
        this.logger.error(`Could not cancel label ${label} while compensating: ${String(cancelError)}`),
      );
      throw error;
    }
  }

  private async destinationOf(work: FulfillmentWithLines): Promise<AddressData> {
    const f = work.fulfillment;
    if (f.legType === 'transfer') {
      const settings = f.destinationLocationId ? await this.capacity.settings(f.destinationLocationId) : undefined;
      if (!settings?.address) {
        throw new FulfillmentError('NO_DESTINATION', `Configure the address of location ${f.destinationLocationId} to ship a transfer there`, {
          destinationLocationId: f.destinationLocationId,
        });
      }
      return { ...settings.address, name: settings.address.name || `Location ${f.destinationLocationId}` };
    }
    if (!f.shipTo) throw new FulfillmentError('NO_DESTINATION', 'The order has no address to ship to', { fulfillmentId: f.id });
    return f.shipTo;
  }

  private async chooseService(
    work: FulfillmentWithLines,
    pkg: FulfillmentPackageEntity,
    origin: RatingAddress | undefined,
    destination: AddressData,
    strategy: CarrierStrategy,
    request: fulfillmentV1.ShipFulfillmentRequest,
  ): Promise<CarrierQuote> {
    const f = work.fulfillment;
    const profile = methodProfile(f.deliveryMethod).profile;
    const window = profile.timeWindow && f.windowStart && f.windowEnd ? { start: f.windowStart, end: f.windowEnd } : undefined;
    const quotes = await this.carriers.quote(
      {
        origin,
        destination: ratingAddressOf(destination),
        parcels: [{ weightGrams: pkg.weightGrams, lengthMm: pkg.lengthMm, widthMm: pkg.widthMm, heightMm: pkg.heightMm, valueMinor: pkg.valueMinor }],
        readyAt: this.workflow.now(),
        requirement: { sameDay: profile.sameDay, ...(window ? { window } : {}) },
      },
      request.carrierId ? [request.carrierId] : undefined,
    );
    const chosen = request.serviceCode
      ? quotes.find((q) => q.serviceCode === request.serviceCode)
      : selectQuote(quotes, strategy, pkg.valueMinor);
    if (!chosen) {
      throw new FulfillmentError('NO_CARRIER_SERVICE', `No carrier service can ship package ${pkg.packageNo} as this delivery needs`, {
        packageNo: pkg.packageNo,
        weightGrams: pkg.weightGrams,
        strategy,
        requested: request.serviceCode ? `${request.carrierId}:${request.serviceCode}` : undefined,
        considered: quotes.map((q) => ({ service: `${q.carrierId}:${q.serviceCode}`, meetsRequirement: q.meetsRequirement })),
      });
    }
    return chosen;
  }
}
