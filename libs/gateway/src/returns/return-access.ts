import { Inject, Injectable } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { PartnerScope } from '../auth/partner-scope';
import { RETURNS_PEER, type ReturnsPeer } from '../grpc-peers';

/** Exactly the refusal the returns service gives for an unknown id, so a hidden return looks missing. */
export const returnNotFound = (returnId: string) =>
  new DomainError('not_found', 'RETURN_NOT_FOUND', `Return ${returnId} does not exist`, { returnId });

/**
 * Partner scoping of returns at the edge. A partner-bound key sees and handles a return only when
 * it touches one of the partner's locations (where it is expected or where units arrived), and
 * acts only at its own locations (a receipt, an in-store authorisation). Tenant-wide keys are
 * unaffected.
 */
@Injectable()
export class ReturnAccess {
  constructor(
    @Inject(RETURNS_PEER) private readonly returns: ReturnsPeer,
    private readonly scope: PartnerScope,
  ) {}

  async visibleReturn(returnId: string): Promise<returnsV1.Return> {
    const { rma } = await this.returns.call('getReturn', { returnId });
    const found = rma as returnsV1.Return;
    const places = [found.locationId, ...found.units.map((unit) => unit.locationId)].filter((id) => id !== '');
    await this.scope.assertTouches(places, () => returnNotFound(returnId));
    return found;
  }

  /** Refuses (403) a partner-bound key acting at a location that is not the partner's. */
  async assertOwnLocation(locationId: string | undefined, field: string): Promise<void> {
    const own = await this.scope.locationIds();
    if (!own) return;
    if (!locationId || !own.has(locationId)) {
      throw new DomainError('forbidden', 'LOCATION_FORBIDDEN', `A partner key may only act at its own locations (${field})`, {
        field,
        locationId: locationId ?? null,
      });
    }
  }

  /** The location filter of a list for the caller: undefined = no restriction, [] = nothing visible. */
  restrictLocations(requested: string | undefined): Promise<string[] | undefined> {
    return this.scope.restrictLocations(requested ? [requested] : undefined);
  }
}
