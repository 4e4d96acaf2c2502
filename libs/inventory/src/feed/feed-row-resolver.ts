import { Injectable } from '@nestjs/common';
import { ItemsRepository } from '../item/items.repository';
import { LocationsRepository } from '../location/locations.repository';

/**
 * Resolves what feed rows name: locations by code or id (all of the tenant's, read once per
 * feed) and which SKUs exist (per batch).
 */
@Injectable()
export class FeedRowResolver {
  constructor(
    private readonly locations: LocationsRepository,
    private readonly items: ItemsRepository,
  ) {}

  async locationIds(): Promise<Map<string, string>> {
    const byCodeOrId = new Map<string, string>();
    for (const location of await this.locations.findAll()) {
      byCodeOrId.set(location.code, location.id);
      byCodeOrId.set(location.id, location.id);
    }
    return byCodeOrId;
  }

  existingSkus(skus: string[]): Promise<Set<string>> {
    return this.items.existing(skus);
  }
}
