import { Injectable } from '@nestjs/common';
import type { AddressData } from '@baton/domain';
import { FulfillmentClient } from '../peers/fulfillment.client';
import { InventoryClient } from '../peers/inventory.client';
import { candidatesFromAvailability, destinationFromLocation } from './candidates';
import type { CandidateLocation, DestinationLocation } from './sourcing-model';

/** What the engine plans over for one order: the candidates and the destination locations. */
export interface SourcingNetwork {
  candidates: CandidateLocation[];
  destinations: DestinationLocation[];
}

const WEIGHT_TTL_MS = 60_000;

/**
 * Gathers the engine's input over gRPC: ATP with location facts from inventory (one call for the
 * whole cart), remaining capacity from fulfillment, the facts of destination locations, and item
 * weights (cached a minute) where the channel did not send them. Reads only; the engine itself
 * stays pure.
 */
@Injectable()
export class SourcingInputs {
  private readonly weights = new Map<string, { grams: number; until: number }>();

  constructor(
    private readonly inventory: InventoryClient,
    private readonly fulfillment: FulfillmentClient,
  ) {}

  async network(
    skus: readonly string[],
    destinationLocationIds: readonly string[],
    options: { address: AddressData | null; excludedLocationIds: readonly string[] },
  ): Promise<SourcingNetwork> {
    const near =
      options.address?.latitude !== undefined && options.address.longitude !== undefined
        ? { latitude: options.address.latitude, longitude: options.address.longitude }
        : undefined;
    const [availability, destinations] = await Promise.all([
      this.inventory.cartAvailability([...new Set(skus)], { excludeLocationIds: [...options.excludedLocationIds], near }),
      Promise.all([...new Set(destinationLocationIds)].map((id) => this.inventory.location(id).catch(() => undefined))),
    ]);
    const locationIds = [...new Set(availability.flatMap((sku) => sku.locations.map((l) => l.locationId)))];
    const capacity = await this.fulfillment.remainingCapacity(locationIds);
    return {
      candidates: candidatesFromAvailability(availability, capacity),
      destinations: destinations.filter((l) => l !== undefined).map(destinationFromLocation),
    };
  }

  /** Unit weight in grams per SKU, from inventory's items; 0 when inventory does not know the item. */
  async unitWeights(skus: readonly string[]): Promise<Map<string, number>> {
    const now = Date.now();
    const result = new Map<string, number>();
    await Promise.all(
      [...new Set(skus)].map(async (sku) => {
        const cached = this.weights.get(sku);
        if (cached && cached.until > now) {
          result.set(sku, cached.grams);
          return;
        }
        const grams = await this.inventory
          .item(sku)
          .then((item) => item?.weightGrams ?? 0)
          .catch(() => 0);
        this.weights.set(sku, { grams, until: now + WEIGHT_TTL_MS });
        result.set(sku, grams);
      }),
    );
    return result;
  }
}
