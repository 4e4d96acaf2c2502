import { Inject, Injectable } from '@nestjs/common';
import { CarrierRegistry, scheduleOfService } from '../carriers/carrier-registry';
import type { LegType } from '../fulfillment/fulfillment-state-machine';
import { methodProfile, type TimeWindow } from '../fulfillment/placed-order';
import { computeDueAt } from './due-time';

export interface DueWork {
  legType: LegType;
  deliveryMethod: string;
  promisedBy?: Date | null;
  window?: TimeWindow | null;
  carrierServiceId?: string;
}

/**
 * Due times of new work, from the order's promise and window and the collection schedule of the
 * carrier service the work is expected to leave with (see CarrierRegistry.referenceService).
 */
@Injectable()
export class DueTimes {
  constructor(@Inject(CarrierRegistry) private readonly carriers: CarrierRegistry) {}

  dueAt(work: DueWork, now: Date, pickupPrepMinutes: number): Date {
    const { profile } = methodProfile(work.deliveryMethod);
    const window = work.window ?? undefined;
    const service =
      work.legType === 'pickup'
        ? undefined
        : this.carriers.referenceService(
            { sameDay: profile.sameDay, timeWindow: profile.timeWindow && window !== undefined },
            work.carrierServiceId,
          );
    return computeDueAt({
      now,
      legType: work.legType,
      promisedBy: work.promisedBy ?? undefined,
      window,
      service: service ? scheduleOfService(service) : undefined,
      pickupPrepMinutes,
    });
  }
}
