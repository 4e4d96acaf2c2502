import type { fulfillmentV1 } from '@baton/contracts';
import type { FulfillmentPackageEntity } from '../packing/fulfillment-package.entity';
import type { ShipmentEntity } from '../shipping/shipment.entity';
import type { FulfillmentWithLines } from './fulfillments.repository';

function packageNoOf(packages: readonly FulfillmentPackageEntity[], packageId: string): number {
  return packages.find((p) => p.id === packageId)?.packageNo ?? 0;
}

function iso(date: Date | null | undefined): string {
  return date ? date.toISOString() : '';
}

export function toShipmentContract(shipment: ShipmentEntity): fulfillmentV1.Shipment {
  return {
    id: shipment.id,
    fulfillmentId: shipment.fulfillmentId,
    packageId: shipment.packageId,
    carrierId: shipment.carrierId,
    serviceCode: shipment.serviceCode,
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    priceMinor: shipment.priceMinor,
    currency: shipment.currency,
    insuredValueMinor: shipment.insuredValueMinor,
    estimatedDeliveryAt: iso(shipment.estimatedDeliveryAt),
    createdAt: iso(shipment.createdAt),
  };
}

export function toPackageContract(pkg: FulfillmentPackageEntity): fulfillmentV1.Package {
  return {
    id: pkg.id,
    packageNo: pkg.packageNo,
    weightGrams: pkg.weightGrams,
    lengthMm: pkg.lengthMm,
    widthMm: pkg.widthMm,
    heightMm: pkg.heightMm,
    lines: pkg.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
    valueMinor: pkg.valueMinor,
  };
}

/**
 * The contract view of a fulfilment order: what the gRPC surface returns instead of entities. The
 * pickup code is never part of it (only its hash is stored; the customer gets it by event).
 */
export function toFulfillmentContract(
  { fulfillment, lines }: FulfillmentWithLines,
  packages: readonly FulfillmentPackageEntity[] = [],
  shipments: readonly ShipmentEntity[] = [],
): fulfillmentV1.Fulfillment {
  const shipTo = fulfillment.shipTo;
  return {
    id: fulfillment.id,
    orderId: fulfillment.orderId,
    locationId: fulfillment.locationId,
    deliveryMethod: fulfillment.deliveryMethod,
    status: fulfillment.status,
    lines: lines.map((line) => ({
      lineId: line.orderLineId,
      sku: line.sku,
      quantity: line.quantity - line.cancelledQuantity,
      pickedQuantity: line.pickedQuantity,
      shortQuantity: line.shortQuantity,
      collectedQuantity: line.collectedQuantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
    createdAt: iso(fulfillment.createdAt),
    legType: fulfillment.legType,
    destinationLocationId: fulfillment.destinationLocationId ?? '',
    dependsOnFulfillmentId: fulfillment.dependsOnId ?? '',
    priority: fulfillment.priority,
    dueAt: iso(fulfillment.dueAt),
    late: fulfillment.lateAt !== null,
    windowStart: iso(fulfillment.windowStart),
    windowEnd: iso(fulfillment.windowEnd),
    carrierStrategy: fulfillment.carrierStrategy ?? '',
    rejectReason: fulfillment.rejectReason ?? '',
    pickupExpiresAt: iso(fulfillment.pickupExpiresAt),
    arrivedAt: iso(fulfillment.arrivedAt),
    arrivalNote: fulfillment.arrivalNote ?? '',
    shipTo: shipTo
      ? {
          name: shipTo.name,
          line1: shipTo.line1,
          line2: shipTo.line2 ?? '',
          city: shipTo.city,
          postalCode: shipTo.postalCode,
          country: shipTo.country,
          latitude: shipTo.latitude,
          longitude: shipTo.longitude,
        }
      : undefined,
    packages: packages.filter((p) => p.fulfillmentId === fulfillment.id).map(toPackageContract),
    shipments: shipments
      .filter((s) => s.fulfillmentId === fulfillment.id)
      .sort((a, b) => packageNoOf(packages, a.packageId) - packageNoOf(packages, b.packageId))
      .map(toShipmentContract),
    updatedAt: iso(fulfillment.updatedAt),
    currency: fulfillment.currency,
  };
}
