import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireRange, requireUuid } from '../input-rules';
import { requireInstant } from '../inbound/inbound-input';
import { LOCATION_CAPABILITIES, LOCATION_TYPES } from '../location/location-kinds';

const TYPES: ReadonlySet<string> = new Set(LOCATION_TYPES);
const CAPABILITIES: ReadonlySet<string> = new Set(LOCATION_CAPABILITIES);
export const MAX_CART_SKUS = 200;
const MAX_NEAREST = 1000;
const MAX_RADIUS_KM = 20_038;

/** Every problem with an availability filter; `at` prefixes the field names. */
export function validateFilter(filter: inventoryV1.AvailabilityFilter | undefined, at = 'filter'): FieldViolation[] {
  if (!filter) return [];
  const violations: FieldViolation[] = [];
  filter.locationTypes.forEach((type, index) => {
    if (!TYPES.has(type)) violations.push({ field: `${at}.locationTypes[${index}]`, message: `must be one of ${LOCATION_TYPES.join(', ')}` });
  });
  filter.capabilities.forEach((capability, index) => {
    if (!CAPABILITIES.has(capability)) {
      violations.push({ field: `${at}.capabilities[${index}]`, message: `must be one of ${LOCATION_CAPABILITIES.join(', ')}` });
    }
  });
  filter.groups.forEach((group, index) => violations.push(...requireIdentifier(`${at}.groups[${index}]`, group)));
  filter.locationIds.forEach((id, index) => violations.push(...requireUuid(`${at}.locationIds[${index}]`, id)));
  filter.excludeLocationIds.forEach((id, index) => violations.push(...requireUuid(`${at}.excludeLocationIds[${index}]`, id)));
  if (filter.near) {
    violations.push(
      ...requireRange(`${at}.near.latitude`, filter.near.latitude, -90, 90),
      ...requireRange(`${at}.near.longitude`, filter.near.longitude, -180, 180),
    );
  }
  if (filter.radiusKm !== 0) {
    violations.push(...requireRange(`${at}.radiusKm`, filter.radiusKm, 0, MAX_RADIUS_KM));
    if (!filter.near) violations.push({ field: `${at}.radiusKm`, message: 'needs near (the point to measure from)' });
  }
  if (filter.nearest !== 0) {
    if (!Number.isInteger(filter.nearest) || filter.nearest < 0 || filter.nearest > MAX_NEAREST) {
      violations.push({ field: `${at}.nearest`, message: `must be a whole number from 0 to ${MAX_NEAREST}` });
    }
    if (!filter.near) violations.push({ field: `${at}.nearest`, message: 'needs near (the point to measure from)' });
  }
  if (filter.asOf) violations.push(...requireInstant(`${at}.asOf`, filter.asOf));
  return violations;
}

/** Every problem with a cart availability request: 1–200 distinct SKUs and a valid filter. */
export function validateCart(request: inventoryV1.GetCartAvailabilityRequest): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (request.skus.length === 0) violations.push({ field: 'skus', message: 'must contain at least one SKU' });
  if (request.skus.length > MAX_CART_SKUS) violations.push({ field: 'skus', message: `must have at most ${MAX_CART_SKUS} SKUs` });
  request.skus.forEach((sku, index) => {
    violations.push(...requireIdentifier(`skus[${index}]`, sku));
    if (request.skus.indexOf(sku) !== index) violations.push({ field: `skus[${index}]`, message: 'is listed twice' });
  });
  return [...violations, ...validateFilter(request.filter)];
}
