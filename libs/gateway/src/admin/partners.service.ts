import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@baton/domain';
import { PartnersRepository } from '../auth/partners.repository';
import { decodeCursor, pageSize, type Page, type PageQueryDto, encodeCursor } from '../limits/pagination';
import { toPartnerView } from './admin-views';
import type { CreatePartnerDto } from './create-partner.dto';
import type { PartnerView } from './partner.view';
import type { UpdatePartnerDto } from './update-partner.dto';

const partnerNotFound = (id: string) => new DomainError('not_found', 'PARTNER_NOT_FOUND', `Partner ${id} does not exist`, { id });

/**
 * Partners of the caller's tenant and the locations each owns. Invariant: a location belongs to at
 * most one partner of a tenant (a claim on another partner's location is refused with 409), so
 * partner scoping never shows one location's objects to two partners.
 */
@Injectable()
export class PartnersService {
  constructor(private readonly partners: PartnersRepository) {}

  async create(dto: CreatePartnerDto): Promise<PartnerView> {
    const locationIds = [...(dto.locationIds ?? [])].sort();
    return this.guardOwnership(() =>
      this.partners.transaction(async (manager) => {
        if (!(await this.partners.insertPartner(manager, dto.id, dto.name))) {
          throw new DomainError('conflict', 'PARTNER_EXISTS', `Partner ${dto.id} already exists`, { id: dto.id });
        }
        await this.assertFree(manager, dto.id, locationIds);
        await this.partners.replaceLocations(manager, dto.id, locationIds);
        const partner = await this.partners.findPartner(dto.id, manager);
        if (!partner) throw partnerNotFound(dto.id);
        return toPartnerView(partner, locationIds);
      }),
    );
  }

  async get(id: string): Promise<PartnerView> {
    const partner = await this.partners.findPartner(id);
    if (!partner) throw partnerNotFound(id);
    const locations = await this.partners.locationsOf([id]);
    return toPartnerView(partner, locations.get(id) ?? []);
  }

  async list(query: PageQueryDto): Promise<Page<PartnerView>> {
    const limit = pageSize(query);
    const rows = await this.partners.listPartners(decodeCursor(query.cursor, 1), limit + 1);
    const page = rows.slice(0, limit);
    const locations = await this.partners.locationsOf(page.map((p) => p.id));
    return {
      items: page.map((p) => toPartnerView(p, locations.get(p.id) ?? [])),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
    };
  }

  async update(id: string, dto: UpdatePartnerDto): Promise<PartnerView> {
    return this.guardOwnership(() =>
      this.partners.transaction(async (manager) => {
        const partner = await this.partners.findPartnerForUpdate(manager, id);
        if (!partner) throw partnerNotFound(id);
        await this.partners.renamePartner(manager, id, dto.name ?? partner.name);
        if (dto.locationIds !== undefined) {
          const locationIds = [...dto.locationIds].sort();
          await this.assertFree(manager, id, locationIds);
          await this.partners.replaceLocations(manager, id, locationIds);
        }
        const updated = await this.partners.findPartner(id, manager);
        const locations = await this.partners.locationsOf([id], manager);
        if (!updated) throw partnerNotFound(id);
        return toPartnerView(updated, locations.get(id) ?? []);
      }),
    );
  }

  private async assertFree(manager: Parameters<PartnersRepository['ownedByOthers']>[0], id: string, locationIds: string[]) {
    const taken = await this.partners.ownedByOthers(manager, id, locationIds);
    if (taken.length > 0) throw locationsTaken(taken.map((t) => t.locationId));
  }

  /** Two partners claiming one location at once: the loser's insert hits the key and answers 409 too. */
  private async guardOwnership<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw locationsTaken([]);
      }
      throw error;
    }
  }
}

function locationsTaken(locationIds: string[]): DomainError {
  return new DomainError('conflict', 'LOCATION_OWNED_BY_OTHER_PARTNER', 'A location belongs to another partner of this tenant', {
    locationIds,
  });
}
