import { randomUUID } from 'node:crypto';
import type { AddressData } from '@baton/domain';
import type { CarrierQuote, CreatedShipment } from '../carriers/carrier';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import type { FulfillmentWithLines } from '../fulfillment/fulfillments.repository';
import type { FulfillmentPackageEntity } from '../packing/fulfillment-package.entity';

/** A package and the service chosen for it. */
export interface LabelPurchase {
  pkg: FulfillmentPackageEntity;
  quote: CarrierQuote;
}

/** A label bought for a package, under the shipment id it will be stored as. */
export interface BoughtLabel extends LabelPurchase {
  shipmentId: string;
  label: CreatedShipment;
}

type CompensationError = (trackingNumber: string, error: unknown) => void;

/** Compensation: voids labels that will not be used; a void that fails is reported, not thrown. */
export async function cancelLabels(carriers: CarrierRegistry, bought: readonly BoughtLabel[], onError: CompensationError): Promise<void> {
  for (const { quote, label } of bought) {
    try {
      await carriers.get(quote.carrierId).cancelShipment(label.trackingNumber);
    } catch (error) {
      onError(label.trackingNumber, error);
    }
  }
}

/**
 * Step "buy labels" of shipping: one label per package, in package order. When one fails, the
 * labels bought before it are cancelled (its compensation) and the shipment is refused with
 * CARRIER_FAILED naming the package, so no half-shipped fulfilment and no orphan label remains.
 */
export async function buyLabels(
  carriers: CarrierRegistry,
  work: FulfillmentWithLines,
  purchases: readonly LabelPurchase[],
  origin: { locationId: string; address?: AddressData },
  destination: AddressData,
  onCompensationError: CompensationError,
): Promise<BoughtLabel[]> {
  const bought: BoughtLabel[] = [];
  for (const purchase of purchases) {
    const shipmentId = randomUUID();
    const { pkg, quote } = purchase;
    try {
      const label = await carriers.get(quote.carrierId).createShipment({
        serviceCode: quote.serviceCode,
        shipmentId,
        origin,
        destination,
        parcel: { weightGrams: pkg.weightGrams, lengthMm: pkg.lengthMm, widthMm: pkg.widthMm, heightMm: pkg.heightMm, valueMinor: pkg.valueMinor },
        packageNo: pkg.packageNo,
        packageCount: purchases.length,
        orderId: work.fulfillment.orderId,
        fulfillmentId: work.fulfillment.id,
        insuredValueMinor: Math.min(pkg.valueMinor, quote.insuredValueLimitMinor),
      });
      bought.push({ ...purchase, shipmentId, label });
    } catch (error) {
      await cancelLabels(carriers, bought, onCompensationError);
      throw new FulfillmentError('CARRIER_FAILED', `${quote.carrierId} could not create the label of package ${pkg.packageNo}`, {
        carrierId: quote.carrierId,
        serviceCode: quote.serviceCode,
        packageNo: pkg.packageNo,
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return bought;
}
