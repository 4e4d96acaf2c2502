import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireNonNegativeInteger, requireRange, requireText, requireUuid } from '../input-rules';
import { LOCATION_CAPABILITIES, LOCATION_TYPES } from './location-kinds';

const TYPES: ReadonlySet<string> = new Set(LOCATION_TYPES);
const CAPABILITIES: ReadonlySet<string> = new Set(LOCATION_CAPABILITIES);
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAYS: ReadonlySet<string> = new Set(WEEKDAYS);
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const COUNTRY = /^[A-Z]{2}$/;
const MAX_GROUPS = 50;
const MAX_CAPACITY = 10_000_000;
const MAX_HANDLING_COST = 1_000_000_000;

/** Every problem with a CreateLocation request, so the caller can fix them all at once. */
export function validateCreateLocation(request: inventoryV1.CreateLocationRequest): FieldViolation[] {
  const violations = [
    ...requireIdentifier('code', request.code),
    ...requireText('name', request.name),
    ...requireRange('latitude', request.latitude, -90, 90),
    ...requireRange('longitude', request.longitude, -180, 180),
    ...validateType('type', request.type),
    ...validateCapabilities('capabilities', request.capabilities),
  ];
  const details = request.details;
  if (details) {
    if (details.address) violations.push(...validateAddress('details.address', details.address));
    violations.push(
      ...validateTimeZone('details.timeZone', details.timeZone),
      ...validateOpeningHours('details.openingHours', details.openingHours),
      ...validateCapacity('details.dailyCapacity', details.dailyCapacity),
      ...validateHandlingCost('details.handlingCostMinor', details.handlingCostMinor),
      ...(details.partnerId ? requireIdentifier('details.partnerId', details.partnerId) : []),
      ...validateGroups('details.groups', details.groups),
    );
  }
  return violations;
}

/** Every problem with an UpdateLocation request; only the fields that are set are checked. */
export function validateUpdateLocation(request: inventoryV1.UpdateLocationRequest): FieldViolation[] {
  const violations = requireUuid('locationId', request.locationId);
  if (request.name !== undefined) violations.push(...requireText('name', request.name));
  if (request.type !== undefined) violations.push(...validateType('type', request.type));
  if (request.latitude !== undefined) violations.push(...requireRange('latitude', request.latitude, -90, 90));
  if (request.longitude !== undefined) violations.push(...requireRange('longitude', request.longitude, -180, 180));
  if (request.capabilities) violations.push(...validateCapabilities('capabilities', request.capabilities.values));
  if (request.address) violations.push(...validateAddress('address', request.address));
  if (request.timeZone !== undefined) violations.push(...validateTimeZone('timeZone', request.timeZone));
  if (request.openingHours) violations.push(...validateOpeningHours('openingHours', request.openingHours.intervals));
  if (request.dailyCapacity !== undefined) {
    if (request.clearDailyCapacity) {
      violations.push({ field: 'dailyCapacity', message: 'cannot be set and cleared in one request' });
    }
    violations.push(...validateCapacity('dailyCapacity', request.dailyCapacity));
  }
  if (request.handlingCostMinor !== undefined) {
    violations.push(...validateHandlingCost('handlingCostMinor', request.handlingCostMinor));
  }
  if (request.partnerId) violations.push(...requireIdentifier('partnerId', request.partnerId));
  if (request.groups) violations.push(...validateGroups('groups', request.groups.values));
  return violations;
}

function validateType(field: string, type: string): FieldViolation[] {
  return TYPES.has(type) ? [] : [{ field, message: `must be one of ${LOCATION_TYPES.join(', ')}` }];
}

function validateCapabilities(field: string, capabilities: string[]): FieldViolation[] {
  const violations: FieldViolation[] = [];
  capabilities.forEach((capability, index) => {
    if (!CAPABILITIES.has(capability)) {
      violations.push({ field: `${field}[${index}]`, message: `must be one of ${LOCATION_CAPABILITIES.join(', ')}` });
    } else if (capabilities.indexOf(capability) !== index) {
      violations.push({ field: `${field}[${index}]`, message: 'is listed twice' });
    }
  });
  return violations;
}

function validateAddress(field: string, address: inventoryV1.Address): FieldViolation[] {
  const violations = [
    ...requireText(`${field}.line1`, address.line1),
    ...requireText(`${field}.city`, address.city, 100),
    ...requireText(`${field}.postalCode`, address.postalCode, 20),
  ];
  if (address.line2.length > 200) violations.push({ field: `${field}.line2`, message: 'must be at most 200 characters' });
  if (address.region.length > 100) violations.push({ field: `${field}.region`, message: 'must be at most 100 characters' });
  if (!COUNTRY.test(address.country)) {
    violations.push({ field: `${field}.country`, message: 'must be an ISO 3166-1 alpha-2 code such as NL' });
  }
  return violations;
}

/** An IANA zone the runtime knows (empty means UTC). */
export function validateTimeZone(field: string, timeZone: string): FieldViolation[] {
  if (timeZone === '') return [];
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return [];
  } catch {
    return [{ field, message: 'must be an IANA time zone such as Europe/Amsterdam' }];
  }
}

/** Each interval on a weekday, opening before closing, and no two intervals of one day overlapping. */
export function validateOpeningHours(field: string, intervals: inventoryV1.OpeningHours[]): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (intervals.length > 70) return [{ field, message: 'must have at most 70 intervals' }];
  intervals.forEach((interval, index) => {
    const at = `${field}[${index}]`;
    if (!DAYS.has(interval.day)) violations.push({ field: `${at}.day`, message: `must be one of ${WEEKDAYS.join(', ')}` });
    const validOpens = CLOCK.test(interval.opens);
    const validCloses = CLOCK.test(interval.closes);
    if (!validOpens) violations.push({ field: `${at}.opens`, message: 'must be HH:MM (24-hour)' });
    if (!validCloses) violations.push({ field: `${at}.closes`, message: 'must be HH:MM (24-hour)' });
    if (validOpens && validCloses && interval.closes <= interval.opens) {
      violations.push({ field: `${at}.closes`, message: 'must be after opens' });
    }
  });
  if (violations.length > 0) return violations;
  for (const day of WEEKDAYS) {
    const ofDay = intervals
      .map((interval, index) => ({ ...interval, index }))
      .filter((interval) => interval.day === day)
      .sort((a, b) => (a.opens < b.opens ? -1 : 1));
    for (let i = 1; i < ofDay.length; i++) {
      if (ofDay[i].opens < ofDay[i - 1].closes) {
        violations.push({ field: `${field}[${ofDay[i].index}]`, message: `overlaps another interval on ${day}` });
      }
    }
  }
  return violations;
}

function validateCapacity(field: string, capacity: number | undefined): FieldViolation[] {
  if (capacity === undefined) return [];
  return [
    ...requireNonNegativeInteger(field, capacity),
    ...(capacity > MAX_CAPACITY ? [{ field, message: `must be at most ${MAX_CAPACITY}` }] : []),
  ];
}

function validateHandlingCost(field: string, cost: number): FieldViolation[] {
  return [
    ...requireNonNegativeInteger(field, cost),
    ...(cost > MAX_HANDLING_COST ? [{ field, message: `must be at most ${MAX_HANDLING_COST}` }] : []),
  ];
}

function validateGroups(field: string, groups: string[]): FieldViolation[] {
  if (groups.length > MAX_GROUPS) return [{ field, message: `must have at most ${MAX_GROUPS} groups` }];
  const violations: FieldViolation[] = [];
  groups.forEach((group, index) => {
    violations.push(...requireIdentifier(`${field}[${index}]`, group));
    if (groups.indexOf(group) !== index) violations.push({ field: `${field}[${index}]`, message: 'is listed twice' });
  });
  return violations;
}
