import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError, type AddressData, type FieldViolation } from '@baton/domain';
import { requireTenant, tenantScope } from '@baton/platform';
import { CLOCK, type Clock } from '../clock';
import { FulfillmentError } from '../fulfillment/fulfillments.errors';
import { FulfillmentsRepository } from '../fulfillment/fulfillments.repository';
import { formatDate, isValidTimeZone, localDateOf } from '../scheduling/zoned-time';
import { LocationSettingsEntity } from './location-settings.entity';

const MAX_CAPACITY = 1_000_000;

function addressViolations(address: fulfillmentV1.Address | undefined): FieldViolation[] {
  if (!address) return [];
  const violations: FieldViolation[] = [];
  if (!/^[A-Z]{2}$/.test(address.country ?? '')) violations.push({ field: 'address.country', message: 'address.country must be an ISO 3166-1 alpha-2 code' });
  if (!address.postalCode || address.postalCode.length > 20) violations.push({ field: 'address.postalCode', message: 'address.postalCode is required (at most 20 characters)' });
  if (address.latitude !== undefined && (address.latitude < -90 || address.latitude > 90)) violations.push({ field: 'address.latitude', message: 'address.latitude must be -90…90' });
  if (address.longitude !== undefined && (address.longitude < -180 || address.longitude > 180)) violations.push({ field: 'address.longitude', message: 'address.longitude must be -180…180' });
  return violations;
}

/**
 * Each location's daily capacity and load. Accepting work claims one unit of the location's day
 * (in its own time zone) with a single guarded upsert, so however many accepts race, a location
 * never accepts more than its capacity in a day; giving accepted work back frees the unit.
 */
@Injectable()
export class CapacityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fulfillments: FulfillmentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async configure(request: fulfillmentV1.ConfigureLocationRequest): Promise<fulfillmentV1.LocationSettings> {
    const violations: FieldViolation[] = [];
    if (!request.locationId || request.locationId.length > 100) violations.push({ field: 'locationId', message: 'locationId is required' });
    if (!Number.isInteger(request.dailyCapacity) || request.dailyCapacity < 0 || request.dailyCapacity > MAX_CAPACITY) {
      violations.push({ field: 'dailyCapacity', message: `dailyCapacity must be an integer from 0 (no limit) to ${MAX_CAPACITY}` });
    }
    const timeZone = request.timezone || 'UTC';
    if (!isValidTimeZone(timeZone)) violations.push({ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' });
    violations.push(...addressViolations(request.address));
    if (violations.length > 0) throw new ValidationError(violations);
    const address: AddressData | null = request.address
      ? {
          name: request.address.name,
          line1: request.address.line1,
          ...(request.address.line2 ? { line2: request.address.line2 } : {}),
          city: request.address.city,
          postalCode: request.address.postalCode,
          country: request.address.country,
          ...(request.address.latitude !== undefined ? { latitude: request.address.latitude } : {}),
          ...(request.address.longitude !== undefined ? { longitude: request.address.longitude } : {}),
        }
      : null;
    const entity: LocationSettingsEntity = {
      tenantId: requireTenant(),
      locationId: request.locationId,
      dailyCapacity: request.dailyCapacity === 0 ? null : request.dailyCapacity,
      timeZone,
      address,
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(LocationSettingsEntity).upsert(entity, ['tenantId', 'locationId']);
    return toSettingsContract(entity);
  }

  async settings(locationId: string, manager: EntityManager = this.dataSource.manager): Promise<LocationSettingsEntity | undefined> {
    return (await manager.getRepository(LocationSettingsEntity).findOne({ where: tenantScope({ locationId }) })) ?? undefined;
  }

  /** The location's calendar day at `now`, in its time zone (UTC when not configured). */
  async dayAt(locationId: string, now: Date, manager?: EntityManager): Promise<string> {
    const settings = await this.settings(locationId, manager);
    return formatDate(localDateOf(now, settings?.timeZone ?? 'UTC'));
  }

  /**
   * Counts one more accepted fulfilment against the location's day, in the caller's transaction,
   * or refuses with CAPACITY_EXCEEDED when the day is full. Returns the day it counted against.
   */
  async claim(manager: EntityManager, locationId: string, now: Date): Promise<string> {
    const settings = await this.settings(locationId, manager);
    const day = formatDate(localDateOf(now, settings?.timeZone ?? 'UTC'));
    const capacity = settings?.dailyCapacity ?? null;
    const claimed = await manager.query<Array<{ accepted: number }>>(
      `INSERT INTO location_daily_loads AS l (tenant_id, location_id, day, accepted)
       SELECT $1, $2, $3::date, 1 WHERE $4::integer IS NULL OR $4::integer >= 1
       ON CONFLICT (tenant_id, location_id, day) DO UPDATE SET accepted = l.accepted + 1
         WHERE $4::integer IS NULL OR l.accepted < $4::integer
       RETURNING accepted`,
      [requireTenant(), locationId, day, capacity],
    );
    if (claimed.length === 0) {
      throw new FulfillmentError('CAPACITY_EXCEEDED', `Location ${locationId} has accepted its daily capacity of ${capacity} for ${day}`, {
        locationId,
        dailyCapacity: capacity,
        day,
      });
    }
    return day;
  }

  /** Frees the unit an accepted fulfilment held on `day` (it was given back or withdrawn). */
  async release(manager: EntityManager, locationId: string, day: string): Promise<void> {
    await manager.query(
      `UPDATE location_daily_loads SET accepted = accepted - 1
        WHERE tenant_id = $1 AND location_id = $2 AND day = $3::date AND accepted > 0`,
      [requireTenant(), locationId, day],
    );
  }

  /** Capacity and today's load of each location, in the order asked. */
  async load(locationIds: readonly string[], now: Date = this.clock()): Promise<fulfillmentV1.LocationLoad[]> {
    const ids = [...new Set(locationIds)];
    if (ids.length === 0 || ids.some((id) => !id)) {
      throw new ValidationError([{ field: 'locationIds', message: 'locationIds must name at least one location, none empty' }]);
    }
    const settings = await this.dataSource
      .getRepository(LocationSettingsEntity)
      .find({ where: tenantScope({ locationId: In(ids) }) });
    const byId = new Map(settings.map((s) => [s.locationId, s]));
    const days = new Map(ids.map((id) => [id, formatDate(localDateOf(now, byId.get(id)?.timeZone ?? 'UTC'))]));
    const accepted = await this.dataSource.query<Array<{ location_id: string; accepted: number }>>(
      `SELECT location_id, accepted FROM location_daily_loads
        WHERE tenant_id = $1 AND (location_id, day) IN (SELECT * FROM unnest($2::text[], $3::date[]))`,
      [requireTenant(), ids, ids.map((id) => days.get(id))],
    );
    const acceptedById = new Map(accepted.map((row) => [row.location_id, row.accepted]));
    const counts = await this.fulfillments.countByStatus(ids);
    return ids.map((locationId) => {
      const capacity = byId.get(locationId)?.dailyCapacity ?? 0;
      const acceptedToday = acceptedById.get(locationId) ?? 0;
      const count = (statuses: string[]) =>
        counts.filter((c) => c.locationId === locationId && statuses.includes(c.status)).reduce((sum, c) => sum + c.count, 0);
      return {
        locationId,
        dailyCapacity: capacity,
        acceptedToday,
        open: count(['created']),
        inProgress: count(['accepted', 'picking', 'picked', 'packed']),
        remainingToday: capacity === 0 ? -1 : Math.max(0, capacity - acceptedToday),
        day: days.get(locationId) as string,
      };
    });
  }
}

export function toSettingsContract(entity: LocationSettingsEntity): fulfillmentV1.LocationSettings {
  const address = entity.address;
  return {
    locationId: entity.locationId,
    dailyCapacity: entity.dailyCapacity ?? 0,
    timezone: entity.timeZone,
    address: address
      ? {
          name: address.name,
          line1: address.line1,
          line2: address.line2 ?? '',
          city: address.city,
          postalCode: address.postalCode,
          country: address.country,
          latitude: address.latitude,
          longitude: address.longitude,
        }
      : undefined,
  };
}
