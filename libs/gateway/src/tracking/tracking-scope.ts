import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { PartnerScope } from '../auth/partner-scope';

/**
 * The location scope a tracking query runs under: the calling partner's own locations for a
 * partner-bound key (tracking then treats orders touching none of them as unknown), none for a
 * tenant-wide key.
 */
@Injectable()
export class TrackingScope {
  constructor(private readonly partners: PartnerScope) {}

  async current(): Promise<trackingV1.LocationScope | undefined> {
    const own = await this.partners.locationIds();
    return own ? { locationIds: [...own] } : undefined;
  }
}
