import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant } from '@baton/platform';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { haversineSql } from './distance';

export interface AvailabilityQuery {
  skus: string[];
  locationTypes: string[];
  capabilities: string[];
  groups: string[];
  locationIds: string[];
  excludeLocationIds: string[];
  near: { latitude: number; longitude: number } | null;
  radiusKm: number | null;
  nearest: number;
  asOf: Date | null;
  includeUnavailable: boolean;
}

export interface AvailabilityRow {
  sku: string;
  locationId: string;
  code: string;
  name: string;
  type: string;
  capabilities: string[];
  groups: string[];
  latitude: number;
  longitude: number;
  dailyCapacity: number | null;
  handlingCostMinor: number;
  partnerId: string | null;
  timeZone: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  available: number;
  inbound: number;
  distanceKm: number | null;
}

interface RawRow {
  sku: string;
  location_id: string;
  code: string;
  name: string;
  type: string;
  capabilities: string[];
  groups: string[];
  latitude: number;
  longitude: number;
  daily_capacity: number | null;
  handling_cost_minor: string;
  partner_id: string | null;
  time_zone: string;
  on_hand: string;
  reserved: string;
  safety_stock: string;
  available: string;
  inbound: string;
  distance_km: number | null;
}

const DISTANCE = haversineSql('$8::float8', '$9::float8', 'l.latitude', 'l.longitude');

/**
 * One query answers availability for any number of SKUs: the active locations that pass the
 * filters (type, capabilities — all —, groups — any —, ids), each with its haversine distance
 * computed once, joined with the SKUs' positions there; inbound expected by `asOf` summed per
 * position; radius and the nearest N per SKU (among locations with something to promise) applied
 * in the same statement. Planned on every call (a prepared statement's generic plan measured
 * twice as slow here: the filters decide the plan).
 */
@Injectable()
export class AvailabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(query: AvailabilityQuery): Promise<AvailabilityRow[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<RawRow>({
      text: `WITH places AS MATERIALIZED (
         SELECT l.id, l.code, l.name, l.type, l.capabilities, l.groups, l.latitude, l.longitude,
                l.daily_capacity, l.handling_cost_minor, l.partner_id, l.time_zone,
                CASE WHEN $8::float8 IS NULL THEN NULL ELSE ${DISTANCE} END AS distance_km
           FROM locations l
          WHERE l.tenant_id = $1 AND l.active
            AND (cardinality($3::text[]) = 0 OR l.type = ANY($3::text[]))
            AND l.capabilities @> $4::text[]
            AND (cardinality($5::text[]) = 0 OR l.groups && $5::text[])
            AND (cardinality($6::uuid[]) = 0 OR l.id = ANY($6::uuid[]))
            AND NOT (l.id = ANY($7::uuid[]))
            AND ($11::float8 IS NULL OR ${DISTANCE} <= $11::float8)
       ), candidates AS (
         SELECT p.sku, p.location_id, l.code, l.distance_km, p.on_hand, p.reserved, p.safety_stock,
                greatest(p.on_hand - p.reserved - p.safety_stock, 0) AS available,
                CASE WHEN $10::timestamptz IS NULL THEN 0::int8 ELSE coalesce((
                  SELECT sum(greatest(i.expected_quantity - i.received_quantity, 0))::int8
                    FROM inbound_lines i
                   WHERE i.tenant_id = p.tenant_id AND i.sku = p.sku AND i.location_id = p.location_id
                     AND i.open AND i.eta <= $10::timestamptz), 0::int8) END AS inbound
           FROM places l
           JOIN stock_positions p ON p.tenant_id = $1 AND p.location_id = l.id AND p.sku = ANY($2::text[])
       ), ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.sku COLLATE "C" ORDER BY c.distance_km, c.location_id) AS rank
           FROM candidates c
          WHERE $13::boolean OR c.available + c.inbound > 0
       )
       SELECT r.sku, r.location_id, r.on_hand, r.reserved, r.safety_stock, r.available, r.inbound, r.distance_km,
              l.code, l.name, l.type, l.capabilities, l.groups, l.latitude, l.longitude,
              l.daily_capacity, l.handling_cost_minor, l.partner_id, l.time_zone
         FROM ranked r JOIN places l ON l.id = r.location_id
        WHERE ($12::int = 0 OR r.rank <= $12::int)
        ORDER BY r.sku COLLATE "C", r.distance_km NULLS FIRST, l.code COLLATE "C"`,
      values: [
        requireTenant(),
        query.skus,
        query.locationTypes,
        query.capabilities,
        query.groups,
        query.locationIds,
        query.excludeLocationIds,
        query.near?.latitude ?? null,
        query.near?.longitude ?? null,
        query.asOf,
        query.radiusKm,
        query.nearest,
        query.includeUnavailable,
      ],
    });
    return rows.map((row) => ({
      sku: row.sku,
      locationId: row.location_id,
      code: row.code,
      name: row.name,
      type: row.type,
      capabilities: row.capabilities,
      groups: row.groups,
      latitude: row.latitude,
      longitude: row.longitude,
      dailyCapacity: row.daily_capacity,
      handlingCostMinor: Number(row.handling_cost_minor),
      partnerId: row.partner_id,
      timeZone: row.time_zone,
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      safetyStock: Number(row.safety_stock),
      available: Number(row.available),
      inbound: Number(row.inbound),
      distanceKm: row.distance_km === null ? null : Number(row.distance_km),
    }));
  }
}
