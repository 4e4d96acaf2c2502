import { compareDates, localDateOf } from '../scheduling/zoned-time';
import {
  collectionsFrom,
  deliveryDayOf,
  estimatedDeliveryOf,
  nextCollection,
  type ServiceSchedule,
} from '../scheduling/collection-schedule';
import type { CarrierQuote, Parcel, RateRequest, RatingAddress } from './carrier';
import type { TableRateCarrierConfig, TableRateService, TableRateZone } from './table-rate-config';

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance between two coordinates, in km. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

function normalisedPostalCode(postalCode: string): string {
  return postalCode.replace(/\s+/g, '').toUpperCase();
}

function hasCoordinates(address?: RatingAddress): address is RatingAddress & { latitude: number; longitude: number } {
  return typeof address?.latitude === 'number' && typeof address?.longitude === 'number';
}

function zoneMatches(zone: TableRateZone, origin: RatingAddress | undefined, destination: RatingAddress): boolean {
  if (zone.countries && !zone.countries.includes(destination.country.toUpperCase())) return false;
  if (zone.postalPrefixes) {
    const postal = normalisedPostalCode(destination.postalCode);
    if (!zone.postalPrefixes.some((prefix) => postal.startsWith(normalisedPostalCode(prefix)))) return false;
  }
  if (zone.maxDistanceKm !== undefined) {
    if (!hasCoordinates(origin) || !hasCoordinates(destination)) return false;
    if (distanceKm(origin, destination) > zone.maxDistanceKm) return false;
  }
  return true;
}

/** The first zone of the carrier the destination falls in, or undefined when it serves none. */
export function zoneOf(carrier: TableRateCarrierConfig, origin: RatingAddress | undefined, destination: RatingAddress): string | undefined {
  return carrier.zones.find((zone) => zoneMatches(zone, origin, destination))?.code;
}

/** The weight a parcel is charged by: the actual weight, or its volumetric weight when larger. */
export function billableWeightGrams(parcel: Parcel, volumetricDivisor?: number): number {
  if (!volumetricDivisor) return parcel.weightGrams;
  const cubicCm = (parcel.lengthMm / 10) * (parcel.widthMm / 10) * (parcel.heightMm / 10);
  return Math.max(parcel.weightGrams, Math.ceil((cubicCm / volumetricDivisor) * 1000));
}

/** The price of one parcel of `weightGrams` in `zone`, or undefined when no band takes it. */
export function bandPrice(service: TableRateService, zone: string, weightGrams: number): number | undefined {
  const rate = service.rates.find((r) => r.zone === zone);
  if (!rate) return undefined;
  const band = [...rate.bands].sort((a, b) => a.maxWeightGrams - b.maxWeightGrams).find((b) => weightGrams <= b.maxWeightGrams);
  return band?.priceMinor;
}

export function transitDaysOf(service: TableRateService, zone: string): number {
  return service.transitDaysByZone?.[zone] ?? service.transitDays;
}

export function scheduleOf(carrier: TableRateCarrierConfig, service: TableRateService, zone?: string): ServiceSchedule {
  return {
    cutoff: service.cutoff,
    timeZone: carrier.timeZone,
    transitDays: zone ? transitDaysOf(service, zone) : service.transitDays,
    operatingDays: service.operatingDays,
    deliverBy: service.deliverBy,
    dispatchLeadMinutes: service.dispatchLeadMinutes,
  };
}

export function maxWeightOf(service: TableRateService): number {
  return Math.max(...service.rates.flatMap((rate) => rate.bands.map((band) => band.maxWeightGrams)));
}

/**
 * One service's quote for a request, or undefined when it cannot carry it (destination outside
 * its zones, a parcel above its heaviest band). Collection is the next cut-off after the goods are
 * ready; delivery is that day plus the zone's transit days, by the service's deliver-by time. The
 * requirement is met when a same-day delivery arrives on the day the goods are ready, and when a
 * window-capable service has a collection delivering on the window's day and the goods are ready
 * early enough for the courier to reach the window (then `shipAt` is the latest dispatch that
 * still makes the window's start, and delivery is by the window's end).
 */
export function quoteService(carrier: TableRateCarrierConfig, service: TableRateService, request: RateRequest): CarrierQuote | undefined {
  const zone = zoneOf(carrier, request.origin, request.destination);
  if (!zone || request.parcels.length === 0) return undefined;
  let priceMinor = 0;
  let billable = 0;
  for (const parcel of request.parcels) {
    const weight = billableWeightGrams(parcel, carrier.volumetricDivisor);
    const price = bandPrice(service, zone, weight);
    if (price === undefined) return undefined;
    priceMinor += price;
    billable += weight;
  }
  const schedule = scheduleOf(carrier, service, zone);
  const { window, sameDay } = request.requirement;
  let collection = nextCollection(request.readyAt, schedule);
  let meetsRequirement = true;
  if (sameDay) {
    const today = localDateOf(request.readyAt, carrier.timeZone);
    meetsRequirement = service.sameDay && compareDates(deliveryDayOf(collection.shipDay, schedule), today) === 0;
  }
  let estimatedDeliveryAt = estimatedDeliveryOf(collection.shipDay, schedule);
  if (window) {
    const windowDay = localDateOf(window.start, carrier.timeZone);
    const onWindowDay = [...collectionsFrom(request.readyAt, schedule)].find(
      (c) => compareDates(deliveryDayOf(c.shipDay, schedule), windowDay) === 0,
    );
    const lead = schedule.dispatchLeadMinutes * 60_000;
    const reachable = request.readyAt.getTime() <= window.end.getTime() - lead;
    meetsRequirement = meetsRequirement && service.timeWindow && onWindowDay !== undefined && reachable;
    if (meetsRequirement && onWindowDay) {
      const latestDispatch = Math.min(onWindowDay.cutoffAt.getTime(), window.start.getTime() - lead);
      collection = { shipDay: onWindowDay.shipDay, cutoffAt: new Date(Math.max(latestDispatch, request.readyAt.getTime())) };
      estimatedDeliveryAt = window.end;
    }
  }
  return {
    carrierId: carrier.id,
    serviceCode: service.code,
    serviceName: service.name,
    zone,
    priceMinor,
    currency: carrier.currency,
    transitDays: schedule.transitDays,
    cutoff: service.cutoff,
    shipAt: collection.cutoffAt,
    estimatedDeliveryAt,
    insuredValueLimitMinor: service.insuredValueLimitMinor,
    sameDay: service.sameDay,
    timeWindow: service.timeWindow,
    meetsRequirement,
    billableWeightGrams: billable,
  };
}
