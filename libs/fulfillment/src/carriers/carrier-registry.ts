import { Logger } from '@nestjs/common';
import type { ServiceSchedule } from '../scheduling/collection-schedule';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import type { Carrier, CarrierQuote, CarrierServiceInfo, RateRequest } from './carrier';

/** `carrier:service`, the id a carrier service goes by outside its carrier. */
export function serviceIdOf(info: { carrierId: string; serviceCode: string }): string {
  return `${info.carrierId}:${info.serviceCode}`;
}

/** A service's collection schedule, for due times. */
export function scheduleOfService(info: CarrierServiceInfo): ServiceSchedule {
  return {
    cutoff: info.cutoff,
    timeZone: info.timeZone,
    transitDays: info.transitDays,
    operatingDays: info.operatingDays,
    deliverBy: info.deliverBy,
    dispatchLeadMinutes: info.dispatchLeadMinutes,
  };
}

/**
 * Every carrier Baton can ship with, behind the one {@link Carrier} interface. Quoting asks all of
 * them; one carrier failing to quote leaves its services out instead of failing the quote.
 */
export class CarrierRegistry {
  private readonly logger = new Logger(CarrierRegistry.name);
  private readonly byId: Map<string, Carrier>;

  constructor(carriers: readonly Carrier[]) {
    this.byId = new Map(carriers.map((carrier) => [carrier.id, carrier]));
    if (this.byId.size !== carriers.length) throw new Error('Carrier ids must be unique');
  }

  get(carrierId: string): Carrier {
    const carrier = this.byId.get(carrierId);
    if (!carrier) throw new FulfillmentError('CARRIER_NOT_FOUND', `No carrier ${carrierId}`, { carrierId });
    return carrier;
  }

  services(): CarrierServiceInfo[] {
    return [...this.byId.values()].flatMap((carrier) => carrier.services());
  }

  /** The service named `carrier:service` (or `carrier/service`), if there is one. */
  findService(serviceId: string): CarrierServiceInfo | undefined {
    const [carrierId, serviceCode] = serviceId.split(/[:/]/);
    return this.services().find((s) => s.carrierId === carrierId && s.serviceCode === serviceCode);
  }

  async quote(request: RateRequest, carrierIds?: readonly string[]): Promise<CarrierQuote[]> {
    const carriers = [...this.byId.values()].filter((carrier) => !carrierIds || carrierIds.includes(carrier.id));
    const results = await Promise.all(
      carriers.map(async (carrier) => {
        try {
          return await carrier.quote(request);
        } catch (error) {
          this.logger.warn(`Carrier ${carrier.id} could not quote: ${error instanceof Error ? error.message : String(error)}`);
          return [];
        }
      }),
    );
    return results.flat();
  }

  /**
   * The service work is expected to leave with when no carrier is chosen yet, for its due time:
   * the named one when the plan named it, else among the services able to meet the requirement
   * (same-day, time window; plain parcel services otherwise) the one with the latest cut-off —
   * the last collection of the day that still ships today.
   */
  referenceService(requirement: { sameDay?: boolean; timeWindow?: boolean }, serviceId?: string): CarrierServiceInfo | undefined {
    if (serviceId) {
      const named = this.findService(serviceId);
      if (named) return named;
    }
    const all = this.services();
    let pool: CarrierServiceInfo[];
    if (requirement.timeWindow) pool = all.filter((s) => s.timeWindow);
    else if (requirement.sameDay) {
      pool = all.filter((s) => s.sameDay && !s.timeWindow);
      if (pool.length === 0) pool = all.filter((s) => s.sameDay);
    } else pool = all.filter((s) => !s.sameDay && !s.timeWindow);
    const ranked = pool.sort((a, b) => b.cutoff.localeCompare(a.cutoff) || serviceIdOf(a).localeCompare(serviceIdOf(b)));
    return ranked[0];
  }
}
