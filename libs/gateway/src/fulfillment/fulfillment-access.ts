import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { PartnerScope } from '../auth/partner-scope';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';

/** Exactly the refusal fulfillment gives for an unknown id, so a hidden fulfilment looks missing. */
export const fulfillmentNotFound = (fulfillmentId: string) =>
  new DomainError('not_found', 'FULFILLMENT_NOT_FOUND', `No fulfilment order ${fulfillmentId}`, { fulfillmentId });

/**
 * Partner scoping of fulfilments at the edge: a partner-bound key sees and works a fulfilment only
 * when it is at (or, for a transfer, goes to) one of the partner's locations, and lists, batches
 * and configures only its own locations. Tenant-wide keys are unaffected.
 */
@Injectable()
export class FulfillmentAccess implements OnModuleDestroy {
  constructor(
    @Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer,
    private readonly scope: PartnerScope,
  ) {}

  onModuleDestroy(): void {
    this.fulfillments.close();
  }

  async visible(fulfillmentId: string): Promise<fulfillmentV1.Fulfillment> {
    const { fulfillment } = await this.fulfillments.call('getFulfillment', { fulfillmentId });
    const found = fulfillment as fulfillmentV1.Fulfillment;
    await this.scope.assertTouches(
      [found.locationId, found.destinationLocationId].filter((id) => id !== ''),
      () => fulfillmentNotFound(fulfillmentId),
    );
    return found;
  }

  /** Only the fulfilments the caller may see, of a list. */
  async visibleOf(list: fulfillmentV1.Fulfillment[]): Promise<fulfillmentV1.Fulfillment[]> {
    const own = await this.scope.locationIds();
    if (!own) return list;
    return list.filter((f) => own.has(f.locationId) || own.has(f.destinationLocationId));
  }

  /** Refuses (403) a partner-bound key acting at a location that is not the partner's. */
  async assertOwnLocations(locationIds: readonly string[], field: string): Promise<void> {
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
}
