import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { PartnerScope } from '../auth/partner-scope';

/** Exactly the refusal inventory gives for an unknown location, so a hidden one looks missing. */
export const locationNotFound = (locationId: string) =>
  new DomainError('not_found', 'LOCATION_NOT_FOUND', `No location with id "${locationId}"`, { locationId });

/**
 * Partner scoping of inventory at the edge (the gateway owns which locations a partner owns). A
 * partner-bound key reads and moves stock only at its own locations: lists are narrowed to them,
 * acting elsewhere answers 403, and a foreign location answers like a missing one. Tenant-wide
 * keys are unaffected.
 */
@Injectable()
export class InventoryAccess {
  constructor(private readonly scope: PartnerScope) {}

  /** Refuses (403) a partner-bound key acting at a location that is not the partner's. */
  async assertOwnLocations(locationIds: ReadonlyArray<string>, field: string): Promise<void> {
    const own = await this.scope.locationIds();
    if (!own) return;
    const foreign = locationIds.filter((id) => !own.has(id));
    if (foreign.length > 0) {
      throw new DomainError('forbidden', 'LOCATION_FORBIDDEN', `A partner key may only act at its own locations (${field})`, {
        field,
        locationIds: foreign,
      });
    }
  }

  /** A location a partner-bound key may see, or the same 404 as a missing one. */
  async assertVisibleLocation(locationId: string): Promise<void> {
    await this.scope.assertTouches([locationId], () => locationNotFound(locationId));
  }

  /** Whether the caller may see something at any of these locations. */
  touches(locationIds: Iterable<string>): Promise<boolean> {
    return this.scope.touches(locationIds);
  }

  /**
   * The locations a list may cover: the requested ones narrowed to the partner's (undefined =
   * every location, for tenant-wide keys). An empty array means there is nothing to show.
   */
  restrictLocations(requested: string[] | undefined): Promise<string[] | undefined> {
    return this.scope.restrictLocations(requested);
  }

  /** A partner-bound key must name one of its locations to list stock or movements; others may list everything. */
  async singleLocationFor(locationId: string | undefined): Promise<string | undefined | null> {
    const own = await this.scope.locationIds();
    if (!own) return locationId;
    if (!locationId) {
      throw new DomainError('invalid', 'VALIDATION_FAILED', 'A partner key must name one of its locations', {}, [
        { field: 'locationId', message: 'is required for a partner key' },
      ]);
    }
    return own.has(locationId) ? locationId : null;
  }
}
