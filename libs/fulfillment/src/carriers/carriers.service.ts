import { Inject, Injectable } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { CapacityService } from '../capacity/capacity.service';
import { CLOCK, type Clock } from '../clock';
import { methodProfile } from '../fulfillment/placed-order';
import { carrierStrategyOf } from '../policy/fulfillment-policy';
import type { CarrierQuote, Parcel, RatingAddress } from './carrier';
import { CarrierRegistry } from './carrier-registry';
import { CARRIER_STRATEGIES, rankQuotes } from './carrier-selection';

export function toQuoteContract(quote: CarrierQuote): fulfillmentV1.Quote {
  return {
    carrierId: quote.carrierId,
    serviceCode: quote.serviceCode,
    serviceName: quote.serviceName,
    zone: quote.zone,
    priceMinor: quote.priceMinor,
    currency: quote.currency,
    transitDays: quote.transitDays,
    cutoff: quote.cutoff,
    shipAt: quote.shipAt.toISOString(),
    estimatedDeliveryAt: quote.estimatedDeliveryAt.toISOString(),
    insuredValueLimitMinor: quote.insuredValueLimitMinor,
    sameDay: quote.sameDay,
    timeWindow: quote.timeWindow,
    meetsRequirement: quote.meetsRequirement,
    billableWeightGrams: quote.billableWeightGrams,
  };
}

/** A rating address from a contract address; coordinates only when both are given. */
export function ratingAddressOf(address: { postalCode: string; country: string; latitude?: number; longitude?: number }): RatingAddress {
  return {
    postalCode: address.postalCode,
    country: address.country,
    ...(address.latitude !== undefined && address.longitude !== undefined
      ? { latitude: address.latitude, longitude: address.longitude }
      : {}),
  };
}

function instantOf(value: string, field: string, violations: FieldViolation[]): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) violations.push({ field, message: `${field} must be an ISO 8601 instant` });
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The carriers as sourcing and store apps see them: every service with its capabilities, and
 * quotes (price, transit, cut-off, delivery estimate, insured limit) for parcels from an origin to
 * a destination, optionally ranked by a strategy — what orders' sourcing uses for its promise.
 */
@Injectable()
export class CarriersService {
  constructor(
    @Inject(CarrierRegistry) private readonly carriers: CarrierRegistry,
    private readonly capacity: CapacityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  listServices(): fulfillmentV1.CarrierService[] {
    return this.carriers.services().map((s) => ({
      carrierId: s.carrierId,
      carrierName: s.carrierName,
      serviceCode: s.serviceCode,
      serviceName: s.serviceName,
      transitDays: s.transitDays,
      cutoff: s.cutoff,
      timezone: s.timeZone,
      sameDay: s.sameDay,
      timeWindow: s.timeWindow,
      insuredValueLimitMinor: s.insuredValueLimitMinor,
      maxWeightGrams: s.maxWeightGrams,
      currency: s.currency,
    }));
  }

  async quote(request: fulfillmentV1.QuoteCarrierServicesRequest): Promise<fulfillmentV1.Quote[]> {
    const violations: FieldViolation[] = [];
    const destination = request.destination;
    if (!destination?.postalCode) violations.push({ field: 'destination.postalCode', message: 'destination.postalCode is required' });
    if (!/^[A-Z]{2}$/.test(destination?.country ?? '')) violations.push({ field: 'destination.country', message: 'destination.country must be an ISO 3166-1 alpha-2 code' });
    if (request.parcels.length === 0 || request.parcels.length > 50) violations.push({ field: 'parcels', message: 'parcels must hold 1-50 parcels' });
    request.parcels.forEach((parcel, index) => {
      if (!Number.isInteger(parcel.weightGrams) || parcel.weightGrams < 1) violations.push({ field: `parcels.${index}.weightGrams`, message: 'weightGrams must be ≥ 1' });
      for (const dimension of ['lengthMm', 'widthMm', 'heightMm'] as const) {
        if (!Number.isInteger(parcel[dimension]) || parcel[dimension] < 0) violations.push({ field: `parcels.${index}.${dimension}`, message: `${dimension} must be ≥ 0` });
      }
      if (!Number.isInteger(parcel.valueMinor) || parcel.valueMinor < 0) violations.push({ field: `parcels.${index}.valueMinor`, message: 'valueMinor must be ≥ 0' });
    });
    const readyAt = instantOf(request.readyAt, 'readyAt', violations) ?? this.clock();
    const start = instantOf(request.windowStart, 'windowStart', violations);
    const end = instantOf(request.windowEnd, 'windowEnd', violations);
    if ((start === undefined) !== (end === undefined) || (start && end && start >= end)) {
      violations.push({ field: 'windowStart', message: 'windowStart and windowEnd go together, start before end' });
    }
    const strategy = carrierStrategyOf(request.strategy);
    if (request.strategy && !strategy) violations.push({ field: 'strategy', message: `strategy must be one of ${CARRIER_STRATEGIES.join(', ')}` });
    if (violations.length > 0 || !destination) throw new ValidationError(violations);

    const settings = request.originLocationId ? await this.capacity.settings(request.originLocationId) : undefined;
    const originAddress = settings?.address ?? (request.origin?.postalCode ? request.origin : undefined);
    const profile = methodProfile(request.deliveryMethod || 'ship_to_address').profile;
    const parcels: Parcel[] = request.parcels.map((p) => ({ ...p }));
    const quotes = await this.carriers.quote({
      origin: originAddress ? ratingAddressOf(originAddress) : undefined,
      destination: ratingAddressOf(destination),
      parcels,
      readyAt,
      requirement: { sameDay: profile.sameDay, ...(start && end ? { window: { start, end } } : {}) },
    });
    const value = parcels.reduce((sum, p) => sum + p.valueMinor, 0);
    const ranked = strategy ? rankQuotes(quotes, strategy, value) : [];
    const rest = quotes
      .filter((q) => !ranked.includes(q))
      .sort((a, b) => Number(b.meetsRequirement) - Number(a.meetsRequirement) || a.priceMinor - b.priceMinor);
    return [...ranked, ...rest].map(toQuoteContract);
  }
}
