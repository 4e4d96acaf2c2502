import { SCAN_CODES, type ScanCode } from '@baton/domain';
import { renderLabelPdf, renderLabelZpl } from '../labels/shipping-label';
import { formatDate, localDateOf } from '../scheduling/zoned-time';
import type {
  Carrier,
  CarrierQuote,
  CarrierServiceInfo,
  CreatedShipment,
  RateRequest,
  ShipmentRequest,
  TrackingUpdate,
} from './carrier';
import type { TableRateCarrierConfig } from './table-rate-config';
import { maxWeightOf, quoteService } from './table-rating';
import { isTrackingNumber, newTrackingNumber } from './tracking-number';

/**
 * The built-in carrier: rates, zones, cut-offs and capabilities all come from its table (data),
 * labels are rendered locally (PDF and ZPL), tracking numbers carry the carrier's prefix and a
 * check digit. Tracking updates arrive in Baton's normalised shape (`trackingNumber`, `status` —
 * one of the scan codes —, `occurredAt`, `detail`).
 */
export class TableRateCarrier implements Carrier {
  constructor(readonly config: TableRateCarrierConfig) {}

  get id(): string {
    return this.config.id;
  }

  get name(): string {
    return this.config.name;
  }

  services(): CarrierServiceInfo[] {
    return this.config.services.map((service) => ({
      carrierId: this.config.id,
      carrierName: this.config.name,
      serviceCode: service.code,
      serviceName: service.name,
      transitDays: service.transitDays,
      cutoff: service.cutoff,
      timeZone: this.config.timeZone,
      operatingDays: [...service.operatingDays],
      deliverBy: service.deliverBy,
      dispatchLeadMinutes: service.dispatchLeadMinutes,
      sameDay: service.sameDay,
      timeWindow: service.timeWindow,
      insuredValueLimitMinor: service.insuredValueLimitMinor,
      maxWeightGrams: maxWeightOf(service),
      currency: this.config.currency,
    }));
  }

  async quote(request: RateRequest): Promise<CarrierQuote[]> {
    return this.config.services
      .map((service) => quoteService(this.config, service, request))
      .filter((quote): quote is CarrierQuote => quote !== undefined);
  }

  async createShipment(request: ShipmentRequest): Promise<CreatedShipment> {
    const service = this.config.services.find((s) => s.code === request.serviceCode);
    if (!service) throw new Error(`${this.config.id} has no service ${request.serviceCode}`);
    const trackingNumber = newTrackingNumber(this.config.trackingPrefix);
    const origin = request.origin.address;
    const label = {
      carrierName: this.config.name,
      serviceName: service.name,
      trackingNumber,
      from: [
        `Location ${request.origin.locationId}`,
        ...(origin?.line1 ? [origin.line1] : []),
        ...(origin ? [`${origin.postalCode} ${origin.city ?? ''}`.trim(), origin.country] : []),
      ],
      to: request.destination,
      orderId: request.orderId,
      fulfillmentId: request.fulfillmentId,
      packageNo: request.packageNo,
      packageCount: request.packageCount,
      weightGrams: request.parcel.weightGrams,
      shipDate: formatDate(localDateOf(new Date(), this.config.timeZone)),
    };
    return { trackingNumber, labelPdf: renderLabelPdf(label), labelZpl: renderLabelZpl(label) };
  }

  async cancelShipment(): Promise<void> {
    // Labels of the table-rate carrier are local documents: voiding one has nothing to tell anyone.
  }

  parseTrackingUpdate(payload: unknown): TrackingUpdate {
    const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
    const problems: string[] = [];
    const trackingNumber = fields['trackingNumber'];
    const status = fields['status'];
    const occurredAt = new Date(String(fields['occurredAt'] ?? ''));
    if (typeof trackingNumber !== 'string' || !isTrackingNumber(trackingNumber, this.config.trackingPrefix)) {
      problems.push(`trackingNumber is not a ${this.config.name} tracking number`);
    }
    if (typeof status !== 'string' || !(SCAN_CODES as readonly string[]).includes(status)) {
      problems.push(`status must be one of ${SCAN_CODES.join(', ')}`);
    }
    if (Number.isNaN(occurredAt.getTime())) problems.push('occurredAt must be an ISO 8601 instant');
    if (problems.length > 0) throw new Error(problems.join('; '));
    return {
      trackingNumber: trackingNumber as string,
      status: status as ScanCode,
      occurredAt,
      detail: typeof fields['detail'] === 'string' ? fields['detail'] : '',
    };
  }
}
